package io.antidote.tf.terraform;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child's stdout and stderr written to two files (mode 0600) instead of pipes, read back as they grow by one
 * thread and handed to a {@link LineStream} each. A file never breaks: a terraform whose reader (this JVM) died keeps
 * writing, finishes or stops gracefully and saves its state, where a broken pipe would have killed it at its next line
 * (Go exits on a write to a broken stdout or stderr). The files live in the run's directory and are removed by
 * {@link #close()}.
 */
final class OutputTail implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutputTail.class);
    private static final long IDLE_MILLIS = 20;
    private static final int CHUNK = 64 * 1024;

    private final Path out;
    private final Path err;
    private final OutputStream outLines;
    private final OutputStream errLines;
    private final CountDownLatch finishing = new CountDownLatch(1);
    private Thread reader;

    private OutputTail(Path out, Path err, OutputStream outLines, OutputStream errLines) {
        this.out = out;
        this.err = err;
        this.outLines = outLines;
        this.errLines = errLines;
    }

    /** Creates the two files in {@code dir} (named after {@code name}), empty and private. */
    static OutputTail create(Path dir, String name, OutputStream outLines, OutputStream errLines) throws IOException {
        Path out = privateFile(dir.resolve(".antidote-run-" + name + ".out"));
        Path err;
        try {
            err = privateFile(dir.resolve(".antidote-run-" + name + ".err"));
        } catch (IOException e) {
            Files.deleteIfExists(out);
            throw e;
        }
        return new OutputTail(out, err, outLines, errLines);
    }

    private static Path privateFile(Path file) throws IOException {
        Files.deleteIfExists(file);
        return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }

    Path stdout() {
        return out;
    }

    Path stderr() {
        return err;
    }

    /** Starts reading both files as they grow, until {@link #finish}. */
    void start(String threadName) {
        reader = new Thread(this::follow, threadName);
        reader.setDaemon(true);
        reader.start();
    }

    private void follow() {
        try (FileChannel o = FileChannel.open(out, StandardOpenOption.READ);
                FileChannel e = FileChannel.open(err, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            while (true) {
                boolean last = finishing.getCount() == 0;
                boolean read = drain(o, outLines, buffer) | drain(e, errLines, buffer);
                if (last) {
                    return;
                }
                if (!read) {
                    finishing.await(IDLE_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
        } catch (IOException ex) {
            LOG.warn("the output of a child process could not be read from {}: {}", out.getParent(), ex.toString());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands everything {@code channel} holds beyond its position to {@code lines}; whether anything was read. */
    private static boolean drain(FileChannel channel, OutputStream lines, ByteBuffer buffer) throws IOException {
        boolean any = false;
        int n;
        while ((n = channel.read(buffer.clear())) > 0) {
            lines.write(buffer.array(), 0, n);
            any = true;
        }
        return any;
    }

    /**
     * The child and everything that could write to the files are gone: reads what is left, then ends the lines (a
     * last line without a newline is handed over). Waits at most {@code timeoutMillis} for the reader, even when
     * interrupted (the interrupt is kept).
     */
    void finish(long timeoutMillis) {
        finishing.countDown();
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (reader != null && reader.isAlive() && System.nanoTime() < deadline) {
            try {
                reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            outLines.close();
            errLines.close();
        } catch (IOException e) {
            // line streams do not fail on close
        }
    }

    /** Removes the two files. */
    @Override
    public void close() {
        for (Path p : new Path[] {out, err}) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.warn("could not remove {}: {}", p, e.toString());
            }
        }
    }
}
