package io.antidote.tf.state;

import io.antidote.tf.lesson.GuideType;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The narrow livelesson updates, written once for every store: each is one atomic {@link #update} of the stored
 * livelesson, which a store implements as it can (a compare-and-set in memory, a write transaction in SQLite).
 */
abstract class NarrowUpdates implements DataManager {

    /**
     * Replaces livelesson {@code id} with {@code change} applied to it, atomically with respect to every other update;
     * throws {@link NoSuchLiveLessonException} when there is no such livelesson.
     */
    protected abstract void update(String id, UnaryOperator<LiveLesson> change);

    @Override
    public List<LiveLesson> getLiveLessonsForSession(String sessionId) {
        return listLiveLessons().stream().filter(l -> l.sessionId().equals(sessionId)).toList();
    }

    @Override
    public void updateLiveLessonStage(String id, int stage) {
        update(id, l -> l.withStage(stage));
    }

    @Override
    public void updateLiveLessonGuide(String id, GuideType type, String contents) {
        update(id, l -> l.withGuide(type, contents));
    }

    @Override
    public void updateLiveLessonStatus(String id, LiveLessonStatus status) {
        update(id, l -> l.withStatus(status));
    }

    @Override
    public void updateLiveLessonError(String id, boolean error) {
        update(id, l -> l.withError(error));
    }

    @Override
    public void updateLiveLessonErrorDetail(String id, String detail) {
        update(id, l -> l.withErrorDetail(detail));
    }

    /** An endpoint the livelesson lacks is a {@link StateException}, and nothing changes. */
    @Override
    public void updateLiveLessonEndpointIp(String id, String endpoint, String ip) {
        update(id, l -> {
            if (!l.liveEndpoints().containsKey(endpoint)) {
                throw new StateException("livelesson " + l.id() + " has no endpoint " + endpoint
                        + " (it has " + l.liveEndpoints().keySet() + ")");
            }
            return l.withEndpointHost(endpoint, ip);
        });
    }

    @Override
    public void updateLiveLessonTests(String id, int healthy, int total) {
        update(id, l -> l.withTests(healthy, total));
    }

    @Override
    public void updateLiveLessonLastActiveTime(String id, Instant time) {
        update(id, l -> l.withLastActiveTime(time));
    }
}
