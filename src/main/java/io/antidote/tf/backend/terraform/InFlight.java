package io.antidote.tf.backend.terraform;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CREATEs and MODIFYs this process runs now, each with the thread running it, so that a DELETE of the same
 * livelesson (from this process, or seen in the ledger from another) can stop it at once: {@link #cancel} marks it
 * and interrupts its thread, which cancels terraform in two phases (or the readiness wait, or the readyDelay). The
 * operation then sees {@link #cancelled} and gives way to the DELETE instead of failing the livelesson.
 */
final class InFlight {
    private static final class Running {
        final Thread thread;
        final String operation;
        boolean cancelled;

        Running(Thread thread, String operation) {
            this.thread = thread;
            this.operation = operation;
        }
    }

    private final Map<String, Running> running = new ConcurrentHashMap<>();

    /** The calling thread runs {@code operation} on the livelesson from now on. */
    void begin(String liveLessonId, String operation) {
        running.put(liveLessonId, new Running(Thread.currentThread(), operation));
    }

    /**
     * The operation ended: forgotten; if it was cancelled, an interrupt that arrived after it stopped looking is
     * cleared, so it cannot hit whatever the thread does next.
     */
    void end(String liveLessonId) {
        Running r = running.remove(liveLessonId);
        if (r != null) {
            synchronized (r) {
                if (r.cancelled && r.thread == Thread.currentThread()) {
                    Thread.interrupted();
                }
            }
        }
    }

    /** Stops the livelesson's running operation, if any; whether this call stopped one. */
    boolean cancel(String liveLessonId) {
        Running r = running.get(liveLessonId);
        if (r == null) {
            return false;
        }
        synchronized (r) {
            if (r.cancelled || running.get(liveLessonId) != r) {
                return false;
            }
            r.cancelled = true;
            r.thread.interrupt();
            return true;
        }
    }

    /** Whether the livelesson's running operation was cancelled by a DELETE. */
    boolean cancelled(String liveLessonId) {
        Running r = running.get(liveLessonId);
        if (r == null) {
            return false;
        }
        synchronized (r) {
            return r.cancelled;
        }
    }

    /** The livelessons with an operation running here. */
    Set<String> ids() {
        return Set.copyOf(running.keySet());
    }
}
