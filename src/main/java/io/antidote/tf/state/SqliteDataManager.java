package io.antidote.tf.state;

import io.antidote.tf.lesson.Collection;
import io.antidote.tf.lesson.CurriculumInfo;
import io.antidote.tf.lesson.GuideType;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.live.LiveSession;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A {@link DataManager} in an embedded SQLite database (a file, or {@code :memory:}), so that state outlives the
 * process and several processes ({@code up} in one shell, {@code down} in another) share it. Every object is
 * stored as JSON ({@link Json}) in a table keyed by its ID or slug.
 *
 * <p>Each narrow update is a read-modify-write inside one {@code BEGIN IMMEDIATE} transaction: SQLite lets one
 * writer at a time take that lock (others wait up to the busy timeout), so concurrent updates of different fields,
 * from threads or from processes, never lose each other. The JSON may hold SSH passwords; it is never logged and
 * never put in a message.
 */
public final class SqliteDataManager extends NarrowUpdates implements AutoCloseable {
    private final SqliteStore store;

    private SqliteDataManager(SqliteStore store) {
        this.store = store;
    }

    /**
     * Opens (creating when needed) the database at {@code location}, a file path or {@code :memory:}, and brings
     * its schema up to date.
     */
    public static SqliteDataManager open(String location) {
        return new SqliteDataManager(SqliteStore.open(location));
    }

    /** The backend's ledger in this same database (shared with every process that opens it). */
    public Ledger ledger() {
        return new Ledger(store, false);
    }

    @Override
    public void close() {
        store.close();
    }

    @Override
    public void insertLessons(List<Lesson> lessons) {
        store.putAll(SqliteStore.Table.LESSONS, lessons, Lesson::slug);
    }

    @Override
    public List<Lesson> listLessons() {
        return store.list(SqliteStore.Table.LESSONS, Lesson.class);
    }

    @Override
    public Optional<Lesson> getLesson(String slug) {
        return store.get(SqliteStore.Table.LESSONS, slug, Lesson.class);
    }

    @Override
    public void insertImages(List<Image> images) {
        store.putAll(SqliteStore.Table.IMAGES, images, Image::slug);
    }

    @Override
    public List<Image> listImages() {
        return store.list(SqliteStore.Table.IMAGES, Image.class);
    }

    @Override
    public Optional<Image> getImage(String slug) {
        return store.get(SqliteStore.Table.IMAGES, slug, Image.class);
    }

    @Override
    public void insertCollections(List<Collection> collections) {
        store.putAll(SqliteStore.Table.COLLECTIONS, collections, Collection::slug);
    }

    @Override
    public List<Collection> listCollections() {
        return store.list(SqliteStore.Table.COLLECTIONS, Collection.class);
    }

    @Override
    public Optional<Collection> getCollection(String slug) {
        return store.get(SqliteStore.Table.COLLECTIONS, slug, Collection.class);
    }

    @Override
    public void setCurriculumInfo(CurriculumInfo info) {
        if (info == null) {
            store.delete(SqliteStore.Table.CURRICULUM, SqliteStore.CURRICULUM_KEY);
        } else {
            store.putAll(SqliteStore.Table.CURRICULUM, List.of(info), i -> SqliteStore.CURRICULUM_KEY);
        }
    }

    @Override
    public Optional<CurriculumInfo> getCurriculumInfo() {
        return store.get(SqliteStore.Table.CURRICULUM, SqliteStore.CURRICULUM_KEY, CurriculumInfo.class);
    }

    @Override
    public void createLiveLesson(LiveLesson liveLesson) {
        if (!store.insertNew(SqliteStore.Table.LIVE_LESSONS, liveLesson.id(), liveLesson)) {
            throw new StateException("livelesson " + liveLesson.id() + " already exists");
        }
    }

    @Override
    public List<LiveLesson> listLiveLessons() {
        return store.list(SqliteStore.Table.LIVE_LESSONS, LiveLesson.class);
    }

    @Override
    public Optional<LiveLesson> getLiveLesson(String id) {
        return store.get(SqliteStore.Table.LIVE_LESSONS, id, LiveLesson.class);
    }

    @Override
    public void deleteLiveLesson(String id) {
        store.delete(SqliteStore.Table.LIVE_LESSONS, id);
    }

    @Override
    public void createLiveSession(LiveSession session) {
        if (!store.insertNew(SqliteStore.Table.LIVE_SESSIONS, session.id(), session)) {
            throw new StateException("livesession " + session.id() + " already exists");
        }
    }

    @Override
    public List<LiveSession> listLiveSessions() {
        return store.list(SqliteStore.Table.LIVE_SESSIONS, LiveSession.class);
    }

    @Override
    public Optional<LiveSession> getLiveSession(String id) {
        return store.get(SqliteStore.Table.LIVE_SESSIONS, id, LiveSession.class);
    }

    @Override
    public void deleteLiveSession(String id) {
        store.delete(SqliteStore.Table.LIVE_SESSIONS, id);
    }

    @Override
    public void updateLiveSessionPersistence(String id, boolean persistent) {
        if (!store.update(SqliteStore.Table.LIVE_SESSIONS, id, LiveSession.class, s -> s.withPersistent(persistent))) {
            throw new NoSuchLiveSessionException(id);
        }
    }

    @Override
    protected void update(String id, UnaryOperator<LiveLesson> change) {
        if (!store.update(SqliteStore.Table.LIVE_LESSONS, id, LiveLesson.class, change)) {
            throw new NoSuchLiveLessonException(id);
        }
    }
}
