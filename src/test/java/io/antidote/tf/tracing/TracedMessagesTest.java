package io.antidote.tf.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jaegertracing.internal.JaegerSpanContext;
import io.jaegertracing.internal.JaegerTracer;
import io.jaegertracing.internal.reporters.InMemoryReporter;
import io.jaegertracing.internal.samplers.ConstSampler;
import io.opentracing.Span;
import io.opentracing.SpanContext;
import io.opentracing.mock.MockTracer;
import io.opentracing.noop.NoopTracerFactory;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TracedMessagesTest {
    private static final byte[] JSON = "{\"Operation\":1,\"LiveLessonID\":\"abc123\",\"Stage\":1}"
            .getBytes(StandardCharsets.UTF_8);

    private static JaegerTracer jaeger() {
        return new JaegerTracer.Builder("test").withReporter(new InMemoryReporter())
                .withSampler(new ConstSampler(true)).build();
    }

    @Test
    void aJaegerSpanContextAndPayloadSurviveTheRoundTrip() {
        try (JaegerTracer tracer = jaeger()) {
            Span span = tracer.buildSpan("api_create").start();
            span.setBaggageItem("lesson", "bgp-basics");
            byte[] message = TracedMessages.frame(tracer, span.context(), JSON);

            TracedMessages.TracedMessage got = TracedMessages.unframe(tracer, message);
            JaegerSpanContext sent = (JaegerSpanContext) span.context();
            JaegerSpanContext received = (JaegerSpanContext) got.context();
            assertThat(received.getTraceId()).isEqualTo(sent.getTraceId());
            assertThat(received.getSpanId()).isEqualTo(sent.getSpanId());
            assertThat(received.getBaggageItem("lesson")).isEqualTo("bgp-basics");
            assertThat(got.payload()).isEqualTo(JSON);

            Span child = tracer.buildSpan("scheduler_lsr_incoming").asChildOf(got.context()).start();
            assertThat(((JaegerSpanContext) child.context()).getTraceId()).isEqualTo(sent.getTraceId());
            span.finish();
            child.finish();
        }
    }

    @Test
    void readsAHeaderLaidOutAsTheGoReferenceWritesIt() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeLong(0);                 // trace ID high
        out.writeLong(0x1234_5678_9abcL); // trace ID low
        out.writeLong(0x42L);             // span ID
        out.writeLong(0);                 // parent ID
        out.writeByte(1);                 // flags: sampled
        out.writeInt(1);                  // baggage count
        byte[] key = "user".getBytes(StandardCharsets.UTF_8);
        byte[] value = "ünïcode".getBytes(StandardCharsets.UTF_8);
        out.writeInt(key.length);
        out.write(key);
        out.writeInt(value.length);
        out.write(value);
        int headerLength = bytes.size();
        out.write(JSON);

        try (JaegerTracer tracer = jaeger()) {
            TracedMessages.TracedMessage got = TracedMessages.unframe(tracer, bytes.toByteArray());
            JaegerSpanContext context = (JaegerSpanContext) got.context();
            assertThat(context.getTraceIdLow()).isEqualTo(0x1234_5678_9abcL);
            assertThat(context.getSpanId()).isEqualTo(0x42L);
            assertThat(context.isSampled()).isTrue();
            assertThat(got.payload()).isEqualTo(JSON);
            assertThat(TracedMessages.headerLength(bytes.toByteArray())).isEqualTo(headerLength);
        }
    }

    @Test
    void withoutTracingAnEmptyHeaderIsWrittenAndReadAsNoParent() {
        var noop = NoopTracerFactory.create();
        byte[] message = TracedMessages.frame(noop, noop.buildSpan("x").start().context(), JSON);
        assertThat(Arrays.copyOf(message, TracedMessages.FIXED_HEADER_LENGTH))
                .isEqualTo(new byte[TracedMessages.FIXED_HEADER_LENGTH]);
        try (JaegerTracer tracer = jaeger()) {
            TracedMessages.TracedMessage got = TracedMessages.unframe(tracer, message);
            assertThat(got.context()).isNull();
            assertThat(got.payload()).isEqualTo(JSON);
        }
    }

    @Test
    void aSchedulerWithoutTracingStillFindsThePayloadOfATracedMessage() {
        try (JaegerTracer tracer = jaeger()) {
            Span span = tracer.buildSpan("api").start();
            byte[] message = TracedMessages.frame(tracer, span.context(), JSON);
            assertThat(TracedMessages.unframe(NoopTracerFactory.create(), message).payload()).isEqualTo(JSON);
        }
    }

    @Test
    void malformedHeadersAreRejected() {
        try (JaegerTracer tracer = jaeger()) {
            assertThatThrownBy(() -> TracedMessages.unframe(tracer, "{\"Operation\":1}".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(TraceContextException.class);
            byte[] hugeBaggage = new byte[TracedMessages.FIXED_HEADER_LENGTH + 4];
            hugeBaggage[TracedMessages.FIXED_HEADER_LENGTH - 1] = 1;     // one baggage item
            hugeBaggage[TracedMessages.FIXED_HEADER_LENGTH + 3] = 100;   // key length beyond the end
            assertThatThrownBy(() -> TracedMessages.unframe(tracer, hugeBaggage))
                    .isInstanceOf(TraceContextException.class);
        }
    }

    @Test
    void mockTracerBinaryIsNotJaegersLayoutAndIsRefused() {
        MockTracer mock = new MockTracer(MockTracer.Propagator.BINARY);
        SpanContext context = mock.buildSpan("x").start().context();
        assertThatThrownBy(() -> TracedMessages.inject(mock, context)).isInstanceOf(TraceContextException.class);
    }

    @Test
    void framingWithATracerOfAnotherBinaryFormatFallsBackToTheEmptyHeader() {
        MockTracer mock = new MockTracer(MockTracer.Propagator.BINARY);
        byte[] message = TracedMessages.frame(mock, mock.buildSpan("x").start().context(), JSON);
        assertThat(TracedMessages.headerLength(message)).isEqualTo(TracedMessages.FIXED_HEADER_LENGTH);
        assertThat(Arrays.copyOf(message, TracedMessages.FIXED_HEADER_LENGTH)).containsOnly(0);
        assertThat(Arrays.copyOfRange(message, TracedMessages.FIXED_HEADER_LENGTH, message.length)).isEqualTo(JSON);
    }

    @Test
    void aNullContextIsFramedAsTheEmptyHeader() {
        try (JaegerTracer tracer = jaeger()) {
            assertThat(TracedMessages.frame(tracer, null, JSON)).startsWith(new byte[TracedMessages.FIXED_HEADER_LENGTH])
                    .hasSize(TracedMessages.FIXED_HEADER_LENGTH + JSON.length);
        }
    }

    @Test
    void aNoopTracerReadsATracedMessageAsNoParent() {
        try (JaegerTracer tracer = jaeger()) {
            byte[] message = TracedMessages.frame(tracer, tracer.buildSpan("api").start().context(), JSON);
            assertThat(TracedMessages.unframe(NoopTracerFactory.create(), message).context()).isNull();
            assertThat(TracedMessages.unframe(new MockTracer(MockTracer.Propagator.BINARY), message).context())
                    .as("a context this tracer cannot read").isNull();
        }
    }

    @Test
    void rejectionsSayWhatIsWrongWithTheHeader() {
        assertRejected(new byte[0], "shorter than a span context");
        assertRejected(new byte[TracedMessages.FIXED_HEADER_LENGTH - 1], "shorter than a span context");
        byte[] negative = new byte[TracedMessages.FIXED_HEADER_LENGTH];
        ByteBuffer.wrap(negative).putInt(TracedMessages.FIXED_HEADER_LENGTH - 4, -1);
        assertRejected(negative, "negative baggage count -1");
        byte[] noKeyLength = new byte[TracedMessages.FIXED_HEADER_LENGTH + 2];
        ByteBuffer.wrap(noKeyLength).putInt(TracedMessages.FIXED_HEADER_LENGTH - 4, 1);
        assertRejected(noKeyLength, "baggage runs past the end");
        byte[] noValue = new byte[TracedMessages.FIXED_HEADER_LENGTH + 5];
        ByteBuffer.wrap(noValue).putInt(TracedMessages.FIXED_HEADER_LENGTH - 4, 1).putInt(TracedMessages.FIXED_HEADER_LENGTH, 1);
        assertRejected(noValue, "baggage runs past the end");
    }

    @Test
    void anEmptyPayloadIsAllowed() {
        byte[] header = new byte[TracedMessages.FIXED_HEADER_LENGTH];
        assertThat(TracedMessages.unframe(NoopTracerFactory.create(), header).payload()).isEmpty();
    }

    private static void assertRejected(byte[] message, String reason) {
        assertThatThrownBy(() -> TracedMessages.headerLength(message)).isInstanceOf(TraceContextException.class)
                .hasMessageContaining(reason);
        assertThatThrownBy(() -> TracedMessages.unframe(NoopTracerFactory.create(), message))
                .isInstanceOf(TraceContextException.class).hasMessageContaining(reason);
    }
}
