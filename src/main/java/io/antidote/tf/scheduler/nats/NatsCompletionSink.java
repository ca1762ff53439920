package io.antidote.tf.scheduler.nats;

import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.scheduler.CompletionSink;
import io.nats.client.Connection;
import io.opentracing.SpanContext;

/**
 * Publishes completed requests to {@value NatsSubjects#COMPLETED} in the reference's framing, with the handling
 * span's context. Does not own the connection; publishing on a closed one throws.
 */
public final class NatsCompletionSink implements CompletionSink {
    private final Connection connection;
    private final WireFormat wire;

    public NatsCompletionSink(Connection connection, WireFormat wire) {
        this.connection = connection;
        this.wire = wire;
    }

    @Override
    public void completed(LessonScheduleRequest request, SpanContext context) {
        connection.publish(NatsSubjects.COMPLETED, wire.encode(context, request));
    }
}
