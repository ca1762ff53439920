package io.antidote.tf.scheduler.nats;

import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.scheduler.RequestPublisher;
import io.nats.client.Connection;
import io.opentracing.SpanContext;

/**
 * The API's side of {@value NatsSubjects#INCOMING}: publishes each request in the reference's framing
 * ({@link WireFormat}), as the reference API does. Does not own the connection; publishing on a closed one throws.
 */
public final class NatsRequestPublisher implements RequestPublisher {
    private final Connection connection;
    private final WireFormat wire;

    public NatsRequestPublisher(Connection connection, WireFormat wire) {
        this.connection = connection;
        this.wire = wire;
    }

    @Override
    public void publish(LessonScheduleRequest request, SpanContext context) {
        connection.publish(NatsSubjects.INCOMING, wire.encode(context, request));
    }
}
