package io.antidote.tf.tracing;

import io.opentracing.SpanContext;
import io.opentracing.Tracer;
import io.opentracing.propagation.Binary;
import io.opentracing.propagation.Format;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Span contexts carried in the messages between API and scheduler, compatible with the reference: a message is a
 * Jaeger binary span context immediately followed by the payload (the JSON request), with no length prefix and no
 * separator. The context's layout (jaeger-client-go's binary propagator, mirrored by jaeger-client-java), all
 * integers big-endian:
 * <pre>
 *   trace ID high  8 bytes | trace ID low 8 | span ID 8 | parent span ID 8 | flags 1 | baggage count 4 (int)
 *   then per baggage item: key length 4 | key (UTF-8) | value length 4 | value (UTF-8)
 * </pre>
 * The header's length follows from its own contents (37 bytes without baggage), so the payload is found without
 * the tracer's help: a scheduler with tracing off still reads messages from a traced API. When there is no context
 * to send (tracing off), an all-zero header is written, which every reader takes as "no parent".
 */
public final class TracedMessages {
    /** Length of a header without baggage. */
    public static final int FIXED_HEADER_LENGTH = 4 * Long.BYTES + 1 + Integer.BYTES;

    private TracedMessages() {
    }

    /** A message taken apart: the span context it carried (null when none) and its payload. */
    public record TracedMessage(SpanContext context, byte[] payload) {
    }

    /** The header for {@code context}; all zeros when the tracer writes none (a no-op tracer, a null context). */
    public static byte[] inject(Tracer tracer, SpanContext context) {
        ByteBufferCarrier carrier = new ByteBufferCarrier(null);
        if (context != null) {
            tracer.inject(context, Format.Builtin.BINARY, carrier);
        }
        if (carrier.written == null) {
            return new byte[FIXED_HEADER_LENGTH];
        }
        byte[] header = Arrays.copyOf(carrier.written.array(), carrier.written.position());
        if (headerLength(header) != header.length) {
            throw new TraceContextException("the tracer wrote a binary span context that is not in Jaeger's layout");
        }
        return header;
    }

    /**
     * The span context at the start of {@code message} (payload may follow), or null when it carries no trace.
     *
     * @throws TraceContextException when the message does not start with a well-formed header
     */
    public static SpanContext extract(Tracer tracer, byte[] message) {
        int length = headerLength(message);
        ByteBuffer header = ByteBuffer.wrap(message, 0, length).slice();
        if (header.getLong(0) == 0 && header.getLong(8) == 0) {
            return null;
        }
        return tracer.extract(Format.Builtin.BINARY, new ByteBufferCarrier(header));
    }

    /** The message carrying {@code context} and {@code payload}. */
    public static byte[] frame(Tracer tracer, SpanContext context, byte[] payload) {
        byte[] header = inject(tracer, context);
        byte[] message = Arrays.copyOf(header, header.length + payload.length);
        System.arraycopy(payload, 0, message, header.length, payload.length);
        return message;
    }

    /** Takes a message apart into span context and payload. */
    public static TracedMessage unframe(Tracer tracer, byte[] message) {
        SpanContext context = extract(tracer, message);
        return new TracedMessage(context, Arrays.copyOfRange(message, headerLength(message), message.length));
    }

    /** The length of the header at the start of {@code message}, read from the layout above. */
    static int headerLength(byte[] message) {
        ByteBuffer buf = ByteBuffer.wrap(message);
        try {
            buf.position(4 * Long.BYTES + 1);
            int count = buf.getInt();
            if (count < 0) {
                throw new TraceContextException("span context header has a negative baggage count " + count);
            }
            for (int i = 0; i < 2L * count; i++) {
                int len = buf.getInt();
                if (len < 0 || len > buf.remaining()) {
                    throw new TraceContextException("span context header has a baggage length " + len
                            + " beyond the message's end");
                }
                buf.position(buf.position() + len);
            }
            return buf.position();
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new TraceContextException("message of " + message.length
                    + " bytes is too short for a span context header");
        }
    }

    /** A binary carrier over a byte buffer: a fresh one of the asked size when injecting, the given one when extracting. */
    private static final class ByteBufferCarrier implements Binary {
        private final ByteBuffer toExtract;
        private ByteBuffer written;

        ByteBufferCarrier(ByteBuffer toExtract) {
            this.toExtract = toExtract;
        }

        @Override
        public ByteBuffer injectionBuffer(int length) {
            written = ByteBuffer.allocate(length);
            return written;
        }

        @Override
        public ByteBuffer extractionBuffer() {
            return toExtract;
        }
    }
}
