package io.antidote.tf.scheduler;

import io.antidote.tf.live.LessonScheduleRequest;
import io.opentracing.SpanContext;

/**
 * Where the API sends lesson schedule requests for a scheduler to take: this process's {@link InProcessRequestQueue},
 * or NATS ({@link io.antidote.tf.scheduler.nats.NatsRequestPublisher}), where any instance may take them.
 */
@FunctionalInterface
public interface RequestPublisher {

    /**
     * Sends {@code request}, traced as a child of {@code context} (null: untraced). Returns once the request is
     * handed over; throws when it cannot be (the caller undoes what it stored for it).
     */
    void publish(LessonScheduleRequest request, SpanContext context);
}
