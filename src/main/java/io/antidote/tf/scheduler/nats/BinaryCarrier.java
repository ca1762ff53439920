package io.antidote.tf.scheduler.nats;

import io.opentracing.propagation.Binary;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** A {@link Binary} carrier over one ByteBuffer: the tracer asks for a buffer to inject into, or reads one. */
final class BinaryCarrier implements Binary {
    private ByteBuffer buffer;

    static BinaryCarrier forInjection() {
        return new BinaryCarrier();
    }

    static BinaryCarrier forExtraction(byte[] context) {
        BinaryCarrier carrier = new BinaryCarrier();
        carrier.buffer = ByteBuffer.wrap(context);
        return carrier;
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

    /** What the tracer injected; empty if it injected nothing (a no-op tracer). */
    byte[] written() {
        return buffer == null ? new byte[0] : Arrays.copyOf(buffer.array(), buffer.position());
    }
}
