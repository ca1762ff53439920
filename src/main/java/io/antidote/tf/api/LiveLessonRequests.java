package io.antidote.tf.api;

import io.antidote.tf.api.message.LiveLessonMessage;
import io.antidote.tf.api.message.LiveLessonRequestMessage;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonCreationException;
import io.antidote.tf.live.LiveLessonFactory;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.live.Operation;
import io.antidote.tf.scheduler.RequestPublisher;
import io.antidote.tf.state.DataManager;
import io.antidote.tf.tracing.Spans;
import io.opentracing.Span;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The livelesson side of the API, as the reference's API behaves: a learner's request for a lesson (create,
 * refresh, stage change), reading one livelesson, and the operators' list and kill. Requests for the scheduler go to
 * the {@link RequestPublisher}, traced as children of the API's span.
 *
 * <p>Looking for a livelesson of the session and lesson, and creating it, happen under one lock, so that two
 * requests of one learner arriving together in this process make one livelesson, not two.
 */
public final class LiveLessonRequests {
    /** Texts the UI shows or matches (the reference's, word for word where the UI depends on them). */
    static final String NO_SESSION = "Session ID cannot be nil";
    static final String INVALID_SESSION = "Invalid session ID ";
    static final String NO_SLUG = "Lesson Slug cannot be nil";
    static final String INVALID_STAGE = "Invalid stage ID for this lesson";
    static final String ERRORED = "Sorry, this lesson is having some problems. Please try again later";
    static final String BUSY = "LiveLesson is currently busy. Can't make changes yet. Try later";
    static final String SESSION_LIMIT = "This session address has exceeded the maximum number of liveLessons";
    static final String CANNOT_INITIALIZE = "Unable to initialize new livelesson";
    static final String CANNOT_SCHEDULE = "Unable to schedule the livelesson; try again";
    static final String EMPTY_ID = "LiveLesson ID cannot be empty";
    static final String NOT_FOUND = "livelesson not found";
    static final String PROVISIONING_ERROR = "Livelesson encountered errors during provisioning. See antidote logs";

    private static final Logger LOG = LoggerFactory.getLogger(LiveLessonRequests.class);
    private static final int ID_ATTEMPTS = 5;

    private final DataManager db;
    private final LiveLessonFactory factory;
    private final RequestPublisher publisher;
    private final int liveLessonLimit;
    private final Clock clock;
    private final Object creation = new Object();
    private final java.util.function.Supplier<String> ids = LiveLessonFactory.randomIds();

    /** @param liveLessonLimit most livelessons of one session, 0: no limit */
    public LiveLessonRequests(DataManager db, LiveLessonFactory factory, RequestPublisher publisher,
            int liveLessonLimit, Clock clock) {
        this.db = db;
        this.factory = factory;
        this.publisher = publisher;
        this.liveLessonLimit = liveLessonLimit;
        this.clock = clock;
    }

    /**
     * {@code POST /exp/livelesson}: the ID of the session's livelesson of the lesson, created (INITIALIZED, CREATE
     * sent) when there is none. An existing one has its LastActiveTime refreshed; at another stage it is moved there
     * (status CONFIGURATION, MODIFY sent) if it is READY.
     */
    public String request(LiveLessonRequestMessage r, Span span) {
        span.setTag("antidote_lesson_slug", r.lessonSlug());
        span.setTag("antidote_stage", r.lessonStage());
        span.setTag("antidote_session_id", r.sessionId());
        if (r.sessionId().isEmpty()) {
            throw ApiException.invalid(NO_SESSION);
        }
        if (db.getLiveSession(r.sessionId()).isEmpty()) {
            throw ApiException.invalid(INVALID_SESSION + r.sessionId());
        }
        if (r.lessonSlug().isEmpty()) {
            throw ApiException.invalid(NO_SLUG);
        }
        Lesson lesson = db.getLesson(r.lessonSlug()).orElseThrow(
                () -> ApiException.notFound("Couldn't find lesson slug '" + r.lessonSlug() + "'"));
        int stage = r.lessonStage();
        if (stage < 0 || stage >= lesson.stages().size()) {
            throw ApiException.invalid(INVALID_STAGE);
        }
        synchronized (creation) {
            Optional<LiveLesson> existing = db.getLiveLessonsForSession(r.sessionId()).stream()
                    .filter(l -> l.lessonSlug().equals(r.lessonSlug())).findFirst();
            return existing.isPresent() ? refresh(existing.get(), lesson, stage, span) : create(lesson, stage, r, span);
        }
    }

    private String refresh(LiveLesson live, Lesson lesson, int stage, Span span) {
        span.setTag("livelesson.id", live.id());
        if (live.error()) {
            throw ApiException.plain(ERRORED);
        }
        db.updateLiveLessonLastActiveTime(live.id(), clock.instant());
        if (live.stage() != stage) {
            if (live.status() != LiveLessonStatus.READY) {
                throw ApiException.plain(BUSY);
            }
            try {
                StageChange.apply(db, factory, live, lesson, stage);
            } catch (LiveLessonCreationException e) {
                Spans.error(span, e);
                LOG.error("livelesson {}: cannot move to stage {}: {}", live.id(), stage, e.getMessage());
                throw ApiException.plain(CANNOT_INITIALIZE);
            }
            Spans.event(span, "Sending LiveLesson MODIFY request to scheduler", Map.of("stage", stage));
            publisher.publish(new LessonScheduleRequest(Operation.MODIFY, live.id(), live.sessionId(),
                    live.lessonSlug(), stage), span.context());
        }
        return live.id();
    }

    private String create(Lesson lesson, int stage, LiveLessonRequestMessage r, Span span) {
        if (liveLessonLimit > 0 && db.getLiveLessonsForSession(r.sessionId()).size() >= liveLessonLimit) {
            span.setTag("error", true);
            throw ApiException.plain(SESSION_LIMIT);
        }
        LiveLesson live;
        try {
            live = factory.create(lesson, stage, r.sessionId(), freshId());
        } catch (LiveLessonCreationException e) {
            Spans.error(span, e);
            LOG.error("cannot initialize a livelesson: {}", e.getMessage());
            throw ApiException.plain(CANNOT_INITIALIZE);
        }
        span.setTag("livelesson.id", live.id());
        db.createLiveLesson(live);
        try {
            publisher.publish(new LessonScheduleRequest(Operation.CREATE, live.id(), live.sessionId(),
                    live.lessonSlug(), stage), span.context());
        } catch (RuntimeException e) {
            db.deleteLiveLesson(live.id());
            Spans.error(span, e);
            LOG.error("livelesson {}: the CREATE request could not be sent, livelesson removed: {}", live.id(),
                    e.toString());
            throw new ApiException(ApiStatus.UNAVAILABLE, CANNOT_SCHEDULE);
        }
        LOG.info("livelesson {}: lesson {} stage {} for session {}, CREATE sent", live.id(), lesson.slug(), stage,
                r.sessionId());
        return live.id();
    }

    private String freshId() {
        for (int i = 0; i < ID_ATTEMPTS; i++) {
            String id = ids.get();
            if (db.getLiveLesson(id).isEmpty()) {
                return id;
            }
        }
        throw ApiException.plain(CANNOT_INITIALIZE);
    }

    /** {@code GET /exp/livelesson/{id}}: the livelesson, unless it is unknown or errored (both 500, as the reference). */
    public LiveLessonMessage get(String id, Span span) {
        span.setTag("livelesson.id", id);
        if (id.isEmpty()) {
            throw ApiException.invalid(EMPTY_ID);
        }
        LiveLesson live = db.getLiveLesson(id).orElseThrow(() -> ApiException.plain(NOT_FOUND));
        if (live.error()) {
            throw ApiException.plain(PROVISIONING_ERROR);
        }
        return LiveLessonMessage.of(live);
    }

    /** Every livelesson, errored ones too, by ID (the reference's ListLiveLessons). */
    public Map<String, LiveLessonMessage> list() {
        Map<String, LiveLessonMessage> all = new TreeMap<>();
        db.listLiveLessons().forEach(l -> all.put(l.id(), LiveLessonMessage.of(l)));
        return all;
    }

    /** Sends a DELETE for livelesson {@code id} (the reference's KillLiveLesson); 404 when there is none. */
    public void kill(String id, Span span) {
        span.setTag("livelesson.id", id);
        LiveLesson live = db.getLiveLesson(id).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
        publisher.publish(new LessonScheduleRequest(Operation.DELETE, live.id(), live.sessionId(), live.lessonSlug(),
                live.stage()), span.context());
        LOG.info("livelesson {}: DELETE sent (operator)", id);
    }
}
