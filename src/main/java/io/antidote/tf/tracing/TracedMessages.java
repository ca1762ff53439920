package io.antidote.tf.tracing;

import io.opentracing.SpanContext;
import io.opentracing.Tracer;
import io.opentracing.propagation.Binary;
import io.opentracing.propagation.Format;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Span contexts carried in broker messages, compatible with the reference: a message is a Jaeger binary span context
 * immediately followed by the payload, with no length prefix and no separator. The context's layout
 * (jaeger-client-go's binary propagator, mirrored by jaeger-client-java), all integers big-endian:
 * <pre>
 *   trace ID high  8 bytes | trace ID low 8 | span ID 8 | parent span ID 8 | flags 1 | baggage count 4 (int)
 *   then per baggage item: key length 4 | key (UTF-8) | value length 4 | value (UTF-8)
 * </pre>
 * The header's length is read from that layout, never from the tracer, so a message is split the same way whatever
 * tracer is configured: a scheduler with tracing off still reads messages from a traced API. When there is no
 * context to send (a null context, a no-op tracer, a tracer with another binary format), an all-zero header is
 * written, which every reader (the reference's too) takes as "no parent"; so is a context this tracer cannot read.
 */
public final class TracedMessages {
    private static final Logger LOG = LoggerFactory.getLogger(TracedMessages.class);
    private static final int IDS_AND_FLAGS_LENGTH = 4 * Long.BYTES + 1;
    /** Length of a header without baggage, and of the all-zero "no context" header. */
    public static final int FIXED_HEADER_LENGTH = IDS_AND_FLAGS_LENGTH + Integer.BYTES;

    private TracedMessages() {
    }

    /** A message taken apart: the span context it carried (null when none this tracer can read) and its payload. */
    public record TracedMessage(SpanContext context, byte[] payload) {
    }

    /**
     * The header for {@code context}; all zeros when the tracer writes none (a no-op tracer, a null context).
     *
     * @throws TraceContextException when the tracer writes a binary context that is not in Jaeger's layout
     */
    public static byte[] inject(Tracer tracer, SpanContext context) {
        ByteBufferCarrier carrier = new ByteBufferCarrier(null);
        if (context != null) {
            tracer.inject(context, Format.Builtin.BINARY, carrier);
        }
        if (carrier.buffer == null || carrier.buffer.position() == 0) {
            return new byte[FIXED_HEADER_LENGTH];
        }
        byte[] header = Arrays.copyOf(carrier.buffer.array(), carrier.buffer.position());
        if (headerLength(header) != header.length) {
            throw new TraceContextException("the tracer wrote a binary span context that is not in Jaeger's layout");
        }
        return header;
    }

    /**
     * The span context at the start of {@code message} (payload may follow), or null when it carries no trace: an
     * all-zero trace ID, a context this tracer cannot read, or a placeholder without a trace ID (a no-op tracer's).
     *
     * @throws TraceContextException when the message does not start with a well-formed header
     */
    public static SpanContext extract(Tracer tracer, byte[] message) {
        int length = headerLength(message);
        ByteBuffer header = ByteBuffer.wrap(message, 0, length).slice();
        if (header.getLong(0) == 0 && header.getLong(Long.BYTES) == 0) {
            return null;
        }
        try {
            SpanContext context = tracer.extract(Format.Builtin.BINARY, new ByteBufferCarrier(header));
            boolean known = context != null && context.toTraceId() != null && !context.toTraceId().isEmpty();
            return known ? context : null;
        } catch (RuntimeException e) {
            LOG.debug("the tracer could not read the span context; taking it as no parent: {}", e.toString());
            return null;
        }
    }

    /**
     * The message carrying {@code context} and {@code payload}. A context the tracer cannot write in Jaeger's layout
     * is sent as the all-zero header, so the framing stays the reference's whatever tracer is configured.
     */
    public static byte[] frame(Tracer tracer, SpanContext context, byte[] payload) {
        byte[] header;
        try {
            header = inject(tracer, context);
        } catch (RuntimeException e) {
            LOG.debug("the tracer wrote no Jaeger span context; sending an empty one: {}", e.toString());
            header = new byte[FIXED_HEADER_LENGTH];
        }
        byte[] message = Arrays.copyOf(header, header.length + payload.length);
        System.arraycopy(payload, 0, message, header.length, payload.length);
        return message;
    }

    /**
     * Takes a message apart into span context and payload (possibly empty).
     *
     * @throws TraceContextException when the message does not start with a well-formed header
     */
    public static TracedMessage unframe(Tracer tracer, byte[] message) {
        SpanContext context = extract(tracer, message);
        return new TracedMessage(context, Arrays.copyOfRange(message, headerLength(message), message.length));
    }

    /**
     * The length of the header at the start of {@code message}, read from the layout above.
     *
     * @throws TraceContextException saying why when the message does not start with a well-formed header
     */
    public static int headerLength(byte[] message) {
        if (message.length < FIXED_HEADER_LENGTH) {
            throw new TraceContextException("shorter than a span context");
        }
        ByteBuffer in = ByteBuffer.wrap(message);
        in.position(IDS_AND_FLAGS_LENGTH);
        int items = in.getInt();
        if (items < 0) {
            throw new TraceContextException("negative baggage count " + items + " in the span context");
        }
        for (long i = 0; i < 2L * items; i++) {
            int length = in.remaining() < Integer.BYTES ? -1 : in.getInt();
            if (length < 0 || length > in.remaining()) {
                throw new TraceContextException("span context baggage runs past the end");
            }
            in.position(in.position() + length);
        }
        return in.position();
    }

    /** A binary carrier over a byte buffer: a fresh one of the asked size when injecting, the given one when extracting. */
    private static final class ByteBufferCarrier implements Binary {
        private ByteBuffer buffer;

        ByteBufferCarrier(ByteBuffer toExtract) {
            this.buffer = toExtract;
        }

        @Override
        public ByteBuffer injectionBuffer(int length) {
            buffer = ByteBuffer.allocate(length);
            return buffer;
        }

        @Override
        public ByteBuffer extractionBuffer() {
            return buffer;
        }
    }
}
