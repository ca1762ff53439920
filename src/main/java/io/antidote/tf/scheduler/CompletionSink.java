package io.antidote.tf.scheduler;

import io.antidote.tf.live.LessonScheduleRequest;
import io.opentracing.SpanContext;

/**
 * Where the scheduler reports a request it finished successfully. As in the reference, only CREATE requests are
 * reported (the reference's stats service counts them from {@code antidote.lsr.completed}).
 */
@FunctionalInterface
public interface CompletionSink {

    /** Reports nowhere; for a scheduler whose completions nobody listens to. */
    CompletionSink NONE = (request, context) -> { };

    /**
     * Reports {@code request} as done; {@code context} is the span that handled it. May throw: the scheduler logs
     * a failed report and carries on (the request itself succeeded).
     */
    void completed(LessonScheduleRequest request, SpanContext context);
}
