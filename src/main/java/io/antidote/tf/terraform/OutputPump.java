package io.antidote.tf.terraform;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one output stream of a terraform process line by line (UTF-8, as terraform writes it) on a pooled daemon
 * thread, stamps the time of the last line (for stall detection) and hands each line to the sink. The threads are
 * reused across runs, so a command costs no thread start-up.
 */
final class OutputPump {
    private static final Logger LOG = LoggerFactory.getLogger(OutputPump.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "terraform-output-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private OutputPump() {
    }

    /**
     * Pumps {@code in} until end of stream; the future completes when the last line was handed over (or fails with
     * the {@code IOException} that stopped the reading).
     */
    static Future<?> start(InputStream in, boolean stderr, ProcessSupervisor.LineSink sink, AtomicLong lastLine) {
        return POOL.submit(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lastLine.set(System.nanoTime());
                    try {
                        sink.line(stderr, line);
                    } catch (RuntimeException e) {
                        LOG.warn("a terraform output listener failed: {}", e.toString());
                    }
                }
            }
            return null;
        });
    }
}
