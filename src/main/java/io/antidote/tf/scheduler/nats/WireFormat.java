package io.antidote.tf.scheduler.nats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.scheduler.IncomingRequest;
import io.opentracing.SpanContext;
import io.opentracing.Tracer;
import io.opentracing.propagation.Format;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference's message framing: a Jaeger binary span context, immediately followed by the JSON
 * LessonScheduleRequest, in one message and with no separator.
 *
 * <p>The span context is, big-endian: trace ID (16 bytes: high, low), span ID (8), parent span ID (8), flags (1),
 * baggage count (int32), then per baggage item key length (int32), key, value length (int32), value. Its length is
 * read from that layout, never from the tracer, so a message is split the same way whatever tracer is configured.
 * A tracer that injects nothing (a no-op one) or something else is replaced by an empty context (all zero), which
 * the reference's scheduler and stats service read as "no trace". An all-zero trace ID, or a context the tracer
 * cannot read (a no-op tracer reads none), decodes as no parent.
 */
public final class WireFormat {
    private static final Logger LOG = LoggerFactory.getLogger(WireFormat.class);
    private static final int FIXED_LENGTH = 16 + 8 + 8 + 1;
    /** An empty span context: zero IDs, zero flags, no baggage. */
    static final int EMPTY_CONTEXT_LENGTH = FIXED_LENGTH + 4;

    private final Tracer tracer;
    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public WireFormat(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The message for {@code request}, sent from the span {@code context} (null: no trace). */
    public byte[] encode(SpanContext context, LessonScheduleRequest request) {
        byte[] head = inject(context);
        byte[] body;
        try {
            body = json.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a LessonScheduleRequest always serializes: " + e.getMessage(), e);
        }
        byte[] message = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, message, head.length, body.length);
        return message;
    }

    /**
     * The request in {@code message} and the sender's span context (null when the message has none this tracer
     * can read). A message that is bare JSON (what a sender with a no-op tracer produces) is accepted too.
     */
    public IncomingRequest decode(byte[] message) {
        int headLength;
        try {
            headLength = contextLength(message);
        } catch (MalformedMessageException e) {
            return decodeBareJson(message, e);
        }
        if (headLength == message.length) {
            throw new MalformedMessageException("no request after the span context", message, null);
        }
        LessonScheduleRequest request;
        try {
            request = json.readValue(message, headLength, message.length - headLength, LessonScheduleRequest.class);
        } catch (IOException e) {
            return decodeBareJson(message, new MalformedMessageException(
                    "the request after the span context is not a LessonScheduleRequest: " + firstLine(e), message, e));
        }
        return new IncomingRequest(request, extract(Arrays.copyOf(message, headLength)));
    }

    private IncomingRequest decodeBareJson(byte[] message, MalformedMessageException framingProblem) {
        if (message.length == 0 || message[0] != '{') {
            throw framingProblem;
        }
        try {
            return IncomingRequest.untraced(json.readValue(message, LessonScheduleRequest.class));
        } catch (IOException e) {
            throw framingProblem;
        }
    }

    private byte[] inject(SpanContext context) {
        if (context == null) {
            return new byte[EMPTY_CONTEXT_LENGTH];
        }
        BinaryCarrier carrier = BinaryCarrier.forInjection();
        try {
            tracer.inject(context, Format.Builtin.BINARY, carrier);
            byte[] written = carrier.written();
            if (written.length > 0 && contextLength(written) == written.length) {
                return written;
            }
            LOG.debug("the tracer injected no Jaeger span context ({} bytes); sending an empty one", written.length);
        } catch (RuntimeException e) {
            LOG.debug("the tracer could not inject a binary span context; sending an empty one: {}", e.toString());
        }
        return new byte[EMPTY_CONTEXT_LENGTH];
    }

    private SpanContext extract(byte[] head) {
        if (isZero(head, 0, 16)) {
            return null;
        }
        try {
            SpanContext context = tracer.extract(Format.Builtin.BINARY, BinaryCarrier.forExtraction(head));
            boolean known = context != null && context.toTraceId() != null && !context.toTraceId().isEmpty();
            return known ? context : null;
        } catch (RuntimeException e) {
            LOG.debug("the tracer could not read the span context; the request is traced as a root: {}", e.toString());
            return null;
        }
    }

    /** The length of the Jaeger span context at the start of {@code message}, read from its layout. */
    static int contextLength(byte[] message) {
        if (message.length < EMPTY_CONTEXT_LENGTH) {
            throw new MalformedMessageException("shorter than a span context", message, null);
        }
        ByteBuffer in = ByteBuffer.wrap(message);
        in.position(FIXED_LENGTH);
        int items = in.getInt();
        if (items < 0) {
            throw new MalformedMessageException("negative baggage count " + items + " in the span context", message, null);
        }
        for (int i = 0; i < 2L * items; i++) {
            if (in.remaining() < 4) {
                throw new MalformedMessageException("span context baggage runs past the end", message, null);
            }
            int length = in.getInt();
            if (length < 0 || length > in.remaining()) {
                throw new MalformedMessageException("span context baggage runs past the end", message, null);
            }
            in.position(in.position() + length);
        }
        return in.position();
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(IOException e) {
        String message = String.valueOf(e.getMessage());
        int eol = message.indexOf('\n');
        return eol < 0 ? message : message.substring(0, eol);
    }
}
