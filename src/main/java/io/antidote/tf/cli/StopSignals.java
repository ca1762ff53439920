package io.antidote.tf.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM and SIGINT for a long-running command ({@code serve}): instead of the JVM's default (run the shutdown hooks
 * at once, which interrupts every terraform process, and exit 143), a signal only releases {@link #await}, so the
 * command stops in its own order within its grace period and exits 0. A signal the JVM was started with ignored
 * (SIGINT in a background job) stays ignored. {@link #close} puts the previous handlers back.
 */
final class StopSignals implements AutoCloseable {
    private static final String[] SIGNALS = {"TERM", "INT"};

    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicReference<String> received = new AtomicReference<>();
    private final List<Runnable> restore = new ArrayList<>();

    private StopSignals() {
    }

    static StopSignals install() {
        StopSignals s = new StopSignals();
        for (String name : SIGNALS) {
            Signal signal = new Signal(name);
            try {
                SignalHandler previous = Signal.handle(signal, sig -> {
                    s.received.compareAndSet(null, "SIG" + sig.getName());
                    s.stop.countDown();
                });
                s.restore.add(() -> Signal.handle(signal, previous));
            } catch (IllegalArgumentException e) {
                // the JVM does not let this signal be handled here: its default stays
            }
        }
        return s;
    }

    /** Waits for the first signal. */
    void await() throws InterruptedException {
        stop.await();
    }

    /** The signal that arrived first ({@code SIGTERM}, {@code SIGINT}), or null. */
    String received() {
        return received.get();
    }

    @Override
    public void close() {
        restore.forEach(Runnable::run);
    }
}
