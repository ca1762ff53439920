package io.antidote.tf.terraform;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the output reader ({@link OutputTail}) writes one output stream of a child process: cut into lines (UTF-8,
 * as terraform writes it, whatever the JVM's default charset; a trailing CR dropped), each stamped as the time of the
 * last output (for stall detection) and handed to the sink as it completes. A last line without a newline is handed over on
 * {@link #close()}. A failing sink is logged and does not stop the stream.
 */
final class LineStream extends OutputStream {
    private static final Logger LOG = LoggerFactory.getLogger(LineStream.class);

    private final boolean stderr;
    private final ProcessSupervisor.LineSink sink;
    private final AtomicLong lastLine;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private boolean closed;

    LineStream(boolean stderr, ProcessSupervisor.LineSink sink, AtomicLong lastLine) {
        this.stderr = stderr;
        this.sink = sink;
        this.lastLine = lastLine;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (bytes[i] == '\n') {
                line.write(bytes, start, i - start);
                emit();
                start = i + 1;
            }
        }
        line.write(bytes, start, end - start);
    }

    /** Hands over a last line that has no newline; idempotent. */
    @Override
    public synchronized void close() {
        if (!closed && line.size() > 0) {
            emit();
        }
        closed = true;
    }

    private void emit() {
        lastLine.set(System.nanoTime());
        int size = line.size();
        byte[] bytes = line.toByteArray();
        if (size > 0 && bytes[size - 1] == '\r') {
            size--;
        }
        String text = new String(bytes, 0, size, StandardCharsets.UTF_8);
        line.reset();
        try {
            sink.line(stderr, text);
        } catch (RuntimeException e) {
            LOG.warn("a terraform output listener failed: {}", e.toString());
        }
    }
}
