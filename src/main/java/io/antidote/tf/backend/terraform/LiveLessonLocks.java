package io.antidote.tf.backend.terraform;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per livelesson, so that garbage collection and a request for the same livelesson never drive its stack at
 * once (terraform would refuse the second with a state lock error). Requests wait for the lock as long as it takes
 * (the scheduler already runs a livelesson's requests one at a time); garbage collection waits a bounded time
 * ({@link #tryRun}) and leaves a busy livelesson for its next pass. A lock is dropped when no thread uses it.
 */
final class LiveLessonLocks {
    private static final class Holder {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;
    }

    private final ConcurrentHashMap<String, Holder> locks = new ConcurrentHashMap<>();

    <T> T with(String liveLessonId, Supplier<T> work) {
        Holder h = use(liveLessonId);
        h.lock.lock();
        try {
            return work.get();
        } finally {
            h.lock.unlock();
            release(liveLessonId);
        }
    }

    void run(String liveLessonId, Runnable work) {
        with(liveLessonId, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code work} holding the livelesson's lock if it can be had within {@code wait}; returns whether it ran.
     * An interrupted wait gives up at once (the interrupt is kept).
     */
    boolean tryRun(String liveLessonId, Duration wait, Runnable work) {
        Holder h = use(liveLessonId);
        boolean locked = false;
        try {
            locked = h.lock.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS);
            if (locked) {
                work.run();
            }
            return locked;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (locked) {
                h.lock.unlock();
            }
            release(liveLessonId);
        }
    }

    private Holder use(String liveLessonId) {
        return locks.compute(liveLessonId, (id, old) -> {
            Holder holder = old == null ? new Holder() : old;
            holder.users++;
            return holder;
        });
    }

    private void release(String liveLessonId) {
        locks.compute(liveLessonId, (id, holder) -> --holder.users == 0 ? null : holder);
    }

    /** How many livelessons have a lock in use (for tests). */
    int inUse() {
        return locks.size();
    }
}
