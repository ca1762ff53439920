package io.antidote.tf.scheduler;

import io.antidote.tf.live.LessonScheduleRequest;
import io.opentracing.SpanContext;
import java.util.Objects;

/**
 * A lesson schedule request as a {@link RequestSource} delivers it: the request and the span context of whoever
 * sent it, or {@code null} when the sender's trace is unknown (the request is then traced as a root span).
 */
public record IncomingRequest(LessonScheduleRequest request, SpanContext parent) {
    public IncomingRequest {
        Objects.requireNonNull(request, "request");
    }

    /** A request with no sender trace. */
    public static IncomingRequest untraced(LessonScheduleRequest request) {
        return new IncomingRequest(request, null);
    }
}
