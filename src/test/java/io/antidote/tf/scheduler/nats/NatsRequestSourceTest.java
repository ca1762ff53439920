package io.antidote.tf.scheduler.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.antidote.tf.scheduler.IncomingRequest;
import io.opentracing.noop.NoopTracerFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Message handling of the NATS source, without a server (the connection is not touched by delivery). */
class NatsRequestSourceTest {
    private final NatsRequestSource source = new NatsRequestSource(null, new WireFormat(NoopTracerFactory.create()));
    private final List<IncomingRequest> delivered = new ArrayList<>();

    @Test
    void dropsWhatDoesNotDecodeAndDeliversTheNextGoodMessage() {
        source.deliver(NatsSubjects.INCOMING, "garbage".getBytes(StandardCharsets.UTF_8), delivered::add);
        source.deliver(NatsSubjects.INCOMING, null, delivered::add);
        source.deliver(NatsSubjects.INCOMING, WireFormatTest.goMessage(1, 2, "{\"Operation\":9}"), delivered::add);
        source.deliver(NatsSubjects.INCOMING, WireFormatTest.goMessage(1, 2, WireFormatTest.JSON), delivered::add);
        assertThat(delivered).extracting(IncomingRequest::request).containsExactly(WireFormatTest.REQUEST);
    }

    @Test
    void aHandlerThatThrowsDoesNotEscapeTheSubscription() {
        assertThatCode(() -> source.deliver(NatsSubjects.INCOMING, WireFormatTest.goMessage(1, 2, WireFormatTest.JSON),
                r -> {
                    throw new IllegalStateException("scheduler closing");
                })).doesNotThrowAnyException();
    }
}
