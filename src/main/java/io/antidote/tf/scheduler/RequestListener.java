package io.antidote.tf.scheduler;

import io.antidote.tf.live.LessonScheduleRequest;
import java.time.Duration;

/**
 * Sees every request the scheduler finished (for metrics). Called on the request's thread; must be quick and must
 * not throw (a throwing listener is logged and ignored).
 */
@FunctionalInterface
public interface RequestListener {
    RequestListener NONE = (request, took, failure) -> { };

    /**
     * {@code request} ran for {@code took}; {@code failure} is what it failed with, null when it succeeded.
     */
    void finished(LessonScheduleRequest request, Duration took, Throwable failure);
}
