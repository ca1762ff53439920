package io.antidote.tf.dryrun;

import io.antidote.tf.stack.StackRequest;
import io.antidote.tf.stack.StackSynthesizer;
import io.antidote.tf.stack.SynthesizedStack;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A synthesizer whose cold start can run ahead, on a thread of its own ({@link #start}), while the caller loads the
 * curriculum and terraform initializes: the first {@link #synth} waits for it instead of doing it. A warm-up that
 * fails is logged and ignored (the first synth then pays the cold start, or fails with its own error). Never
 * started, it costs nothing, as when every stack comes from the cache.
 *
 * <p>{@link #close} waits for a warm-up still running: jsii's runtime is one per process and not thread-safe, so a
 * warm-up must never overlap whatever uses it next in the same process (and a process exiting would wait for it
 * anyway, in jsii's shutdown hook).
 */
public final class WarmSynthesizer implements StackSynthesizer {
    private static final Logger LOG = LoggerFactory.getLogger(WarmSynthesizer.class);
    private final StackSynthesizer delegate;
    private final Runnable warmUp;
    private CompletableFuture<Void> warm;

    WarmSynthesizer(StackSynthesizer delegate, Runnable warmUp) {
        this.delegate = delegate;
        this.warmUp = warmUp;
    }

    /** Starts the warm-up, once; returns at once. */
    public synchronized void start() {
        if (warm != null) {
            return;
        }
        warm = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                warmUp.run();
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("warming up the synthesizer failed (the first synthesis does it): {}", e.toString());
            } finally {
                warm.complete(null);
            }
        }, "synth-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** Whether {@link #start} was called. */
    public synchronized boolean started() {
        return warm != null;
    }

    @Override
    public SynthesizedStack synth(StackRequest request) {
        CompletableFuture<Void> ready;
        synchronized (this) {
            start();
            ready = warm;
        }
        ready.join();
        return delegate.synth(request);
    }

    /** Waits for a warm-up still running, then closes the synthesizer. */
    @Override
    public void close() {
        CompletableFuture<Void> running;
        synchronized (this) {
            running = warm;
        }
        if (running != null) {
            running.join();
        }
        delegate.close();
    }
}
