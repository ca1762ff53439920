package io.antidote.tf.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (SIGINT) or SIGTERM while an operation runs: a shutdown hook interrupts the thread running it, so the
 * terraform runner cancels its process in two phases (SIGINT, the runner's cancel grace, then SIGKILL to the
 * process group) and keeps its state, and the backend marks the livelesson Error. The hook then waits, at most
 * {@code bound}, until the operation has finished and reported ({@link #close}), before the JVM may exit.
 */
final class Interruption implements AutoCloseable {
    private final Thread worker = Thread.currentThread();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicBoolean fired = new AtomicBoolean();
    private final Thread hook;

    private Interruption(PrintWriter err, Duration bound) {
        hook = new Thread(() -> {
            fired.set(true);
            synchronized (err) {
                err.println(Failures.PREFIX + "interrupted: stopping terraform (waiting up to " + bound.toSeconds()
                        + " s)");
                err.flush();
            }
            worker.interrupt();
            try {
                finished.await(bound.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "antidote-tf-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Guards the calling thread's operation until {@link #close}. */
    static Interruption during(PrintWriter err, Duration bound) {
        return new Interruption(err, bound);
    }

    /** Whether a signal interrupted the operation. */
    boolean fired() {
        return fired.get();
    }

    /** The operation has finished and reported: lets a waiting hook go, or removes the hook. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns now that the operation has finished
        }
        Thread.interrupted();
    }
}
