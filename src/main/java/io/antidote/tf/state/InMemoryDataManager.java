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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A {@link DataManager} in memory. Each narrow update replaces the livelesson in one atomic
 * {@link ConcurrentHashMap#computeIfPresent} step, so concurrent updates of different fields never lose each other.
 */
public final class InMemoryDataManager extends NarrowUpdates {
    private final Map<String, Lesson> lessons = new ConcurrentSkipListMap<>();
    private final Map<String, Image> images = new ConcurrentSkipListMap<>();
    private final Map<String, Collection> collections = new ConcurrentSkipListMap<>();
    private final AtomicReference<CurriculumInfo> curriculumInfo = new AtomicReference<>();
    private final ConcurrentHashMap<String, LiveLesson> liveLessons = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LiveSession> liveSessions = new ConcurrentHashMap<>();

    @Override
    public void insertLessons(List<Lesson> list) {
        putAll(lessons, list, Lesson::slug);
    }

    @Override
    public List<Lesson> listLessons() {
        return List.copyOf(lessons.values());
    }

    @Override
    public Optional<Lesson> getLesson(String slug) {
        return Optional.ofNullable(lessons.get(slug));
    }

    @Override
    public void insertImages(List<Image> list) {
        putAll(images, list, Image::slug);
    }

    @Override
    public List<Image> listImages() {
        return List.copyOf(images.values());
    }

    @Override
    public Optional<Image> getImage(String slug) {
        return Optional.ofNullable(images.get(slug));
    }

    @Override
    public void insertCollections(List<Collection> list) {
        putAll(collections, list, Collection::slug);
    }

    @Override
    public List<Collection> listCollections() {
        return List.copyOf(collections.values());
    }

    @Override
    public Optional<Collection> getCollection(String slug) {
        return Optional.ofNullable(collections.get(slug));
    }

    @Override
    public void setCurriculumInfo(CurriculumInfo info) {
        curriculumInfo.set(info);
    }

    @Override
    public Optional<CurriculumInfo> getCurriculumInfo() {
        return Optional.ofNullable(curriculumInfo.get());
    }

    @Override
    public void createLiveLesson(LiveLesson liveLesson) {
        if (liveLessons.putIfAbsent(liveLesson.id(), liveLesson) != null) {
            throw new StateException("livelesson " + liveLesson.id() + " already exists");
        }
    }

    @Override
    public List<LiveLesson> listLiveLessons() {
        return new ArrayList<>(liveLessons.values());
    }

    @Override
    public Optional<LiveLesson> getLiveLesson(String id) {
        return Optional.ofNullable(liveLessons.get(id));
    }

    @Override
    public void deleteLiveLesson(String id) {
        liveLessons.remove(id);
    }

    @Override
    public void createLiveSession(LiveSession session) {
        if (liveSessions.putIfAbsent(session.id(), session) != null) {
            throw new StateException("livesession " + session.id() + " already exists");
        }
    }

    @Override
    public List<LiveSession> listLiveSessions() {
        return new ArrayList<>(liveSessions.values());
    }

    @Override
    public Optional<LiveSession> getLiveSession(String id) {
        return Optional.ofNullable(liveSessions.get(id));
    }

    @Override
    public void deleteLiveSession(String id) {
        liveSessions.remove(id);
    }

    @Override
    public void updateLiveSessionPersistence(String id, boolean persistent) {
        if (liveSessions.computeIfPresent(id, (k, s) -> s.withPersistent(persistent)) == null) {
            throw new NoSuchLiveSessionException(id);
        }
    }

    @Override
    protected void update(String id, UnaryOperator<LiveLesson> change) {
        if (liveLessons.computeIfPresent(id, (k, l) -> change.apply(l)) == null) {
            throw new NoSuchLiveLessonException(id);
        }
    }

    private static <T> void putAll(Map<String, T> map, List<T> values, Function<T, String> key) {
        values.forEach(v -> map.put(key.apply(v), v));
    }
}
