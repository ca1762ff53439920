package io.antidote.tf.scheduler.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.Operation;
import io.antidote.tf.scheduler.IncomingRequest;
import io.antidote.tf.tracing.TracedMessages;
import io.jaegertracing.internal.JaegerSpan;
import io.jaegertracing.internal.JaegerSpanContext;
import io.jaegertracing.internal.JaegerTracer;
import io.jaegertracing.internal.reporters.InMemoryReporter;
import io.jaegertracing.internal.samplers.ConstSampler;
import io.opentracing.mock.MockTracer;
import io.opentracing.noop.NoopTracerFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WireFormatTest {
    static final String JSON =
            "{\"Operation\":1,\"LiveLessonID\":\"abc123\",\"LiveSessionID\":\"sess1\",\"LessonSlug\":\"bgp\",\"Stage\":2}";
    static final LessonScheduleRequest REQUEST = new LessonScheduleRequest(Operation.CREATE, "abc123", "sess1", "bgp", 2);

    private final JaegerTracer jaeger = jaeger();

    static JaegerTracer jaeger() {
        return new JaegerTracer.Builder("antidote-tf-test").withReporter(new InMemoryReporter())
                .withSampler(new ConstSampler(true)).build();
    }

    /** A message exactly as the reference's Go API frames it: Jaeger binary span context, then the JSON. */
    static byte[] goMessage(long traceIdLow, long spanId, String json, String... baggage) {
        ByteBuffer b = ByteBuffer.allocate(1024);
        b.putLong(0).putLong(traceIdLow).putLong(spanId).putLong(0).put((byte) 1).putInt(baggage.length / 2);
        for (String s : baggage) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            b.putInt(bytes.length).put(bytes);
        }
        b.put(json.getBytes(StandardCharsets.UTF_8));
        return Arrays.copyOf(b.array(), b.position());
    }

    @AfterEach
    void closeTracer() {
        jaeger.close();
    }

    @Test
    void readsTheReferenceFramingWithItsSpanContextAndBaggage() {
        IncomingRequest in = new WireFormat(jaeger).decode(goMessage(0x1234L, 0x99L, JSON, "user", "ann"));
        assertThat(in.request()).isEqualTo(REQUEST);
        JaegerSpanContext parent = (JaegerSpanContext) in.parent();
        assertThat(parent.getTraceIdLow()).isEqualTo(0x1234L);
        assertThat(parent.getSpanId()).isEqualTo(0x99L);
        assertThat(parent.getBaggageItem("user")).isEqualTo("ann");
    }

    @Test
    void writesTheSameJsonAsTheReferenceAfterTheSpanContext() {
        JaegerSpan span = jaeger.buildSpan("handle").start();
        span.setBaggageItem("k", "v");
        byte[] message = new WireFormat(jaeger).encode(span.context(), REQUEST);
        int head = TracedMessages.headerLength(message);
        assertThat(new String(message, head, message.length - head, StandardCharsets.UTF_8)).isEqualTo(JSON);
        ByteBuffer b = ByteBuffer.wrap(message);
        assertThat(b.getLong(8)).isEqualTo(span.context().getTraceIdLow());
        assertThat(b.getLong(16)).isEqualTo(span.context().getSpanId());
        IncomingRequest back = new WireFormat(jaeger()).decode(message);
        assertThat(back.request()).isEqualTo(REQUEST);
        assertThat(((JaegerSpanContext) back.parent()).getTraceId()).isEqualTo(span.context().getTraceId());
        assertThat(back.parent().baggageItems()).anySatisfy(e -> assertThat(e.getValue()).isEqualTo("v"));
    }

    @Test
    void aNoopTracerSendsAnEmptyContextAndReadsNone() {
        WireFormat noop = new WireFormat(NoopTracerFactory.create());
        byte[] message = noop.encode(NoopTracerFactory.create().buildSpan("x").start().context(), REQUEST);
        assertThat(Arrays.copyOf(message, TracedMessages.FIXED_HEADER_LENGTH)).containsOnly(0);
        assertThat(new String(message, TracedMessages.FIXED_HEADER_LENGTH,
                message.length - TracedMessages.FIXED_HEADER_LENGTH, StandardCharsets.UTF_8)).isEqualTo(JSON);
        IncomingRequest in = noop.decode(goMessage(7, 8, JSON));
        assertThat(in.parent()).isNull();
        assertThat(in.request()).isEqualTo(REQUEST);
        assertThat(new WireFormat(jaeger).decode(message).parent()).as("zero trace ID: no parent").isNull();
    }

    @Test
    void aTracerWithAnotherBinaryFormatStillProducesTheReferenceFraming() {
        MockTracer mock = new MockTracer(MockTracer.Propagator.BINARY);
        byte[] message = new WireFormat(mock).encode(mock.buildSpan("x").start().context(), REQUEST);
        assertThat(TracedMessages.headerLength(message)).isEqualTo(TracedMessages.FIXED_HEADER_LENGTH);
        assertThat(new WireFormat(mock).decode(goMessage(1, 2, JSON)).request()).isEqualTo(REQUEST);
    }

    @Test
    void acceptsBareJsonFromASenderWithoutTracing() {
        IncomingRequest in = new WireFormat(jaeger).decode(JSON.getBytes(StandardCharsets.UTF_8));
        assertThat(in.request()).isEqualTo(REQUEST);
        assertThat(in.parent()).isNull();
    }

    @Test
    void rejectsWhatIsNotASpanContextFollowedByARequest() {
        WireFormat wire = new WireFormat(jaeger);
        assertMalformed(wire, new byte[0], "shorter than a span context");
        assertMalformed(wire, "hello".getBytes(StandardCharsets.UTF_8), "shorter than a span context");
        assertMalformed(wire, goMessage(1, 2, ""), "no request after the span context");
        assertMalformed(wire, goMessage(1, 2, "{\"Operation\":1,"), "not a LessonScheduleRequest");
        assertMalformed(wire, goMessage(1, 2, JSON.replace("\"Operation\":1", "\"Operation\":4")), "not a LessonScheduleRequest");
        assertMalformed(wire, goMessage(1, 2, "{\"Operation\":1}"), "not a LessonScheduleRequest");
        assertMalformed(wire, goMessage(1, 2, JSON + "{}"), "not a LessonScheduleRequest");
        byte[] negative = goMessage(1, 2, JSON);
        ByteBuffer.wrap(negative).putInt(33, -1);
        assertMalformed(wire, negative, "negative baggage count");
        byte[] overlong = goMessage(1, 2, JSON, "k", "v");
        ByteBuffer.wrap(overlong).putInt(37, 1 << 20);
        assertMalformed(wire, overlong, "baggage runs past the end");
    }

    @Test
    void theExcerptShowsHexAndPrintableText() {
        byte[] message = new byte[60];
        message[0] = 'A';
        message[1] = (byte) 0xff;
        String excerpt = MalformedMessageException.excerpt(message);
        assertThat(excerpt).startsWith("hex 41ff00").contains("text 'A..").endsWith("...");
        assertThat(excerpt).hasSizeLessThan(200);
    }

    private static void assertMalformed(WireFormat wire, byte[] message, String reason) {
        assertThatThrownBy(() -> wire.decode(message)).isInstanceOf(MalformedMessageException.class)
                .satisfies(e -> assertThat(((MalformedMessageException) e).reason()).contains(reason))
                .satisfies(e -> assertThat(((MalformedMessageException) e).length()).isEqualTo(message.length));
    }
}
