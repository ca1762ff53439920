package io.antidote.tf.backend.terraform;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per livelesson, so that garbage collection and a request for the same livelesson never drive its stack at
 * once (terraform would refuse the second with a state lock error). A lock is dropped when no thread uses it.
 */
final class LiveLessonLocks {
    private static final class Holder {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;
    }

    private final ConcurrentHashMap<String, Holder> locks = new ConcurrentHashMap<>();

    <T> T with(String liveLessonId, Supplier<T> work) {
        Holder h = locks.compute(liveLessonId, (id, old) -> {
            Holder holder = old == null ? new Holder() : old;
            holder.users++;
            return holder;
        });
        h.lock.lock();
        try {
            return work.get();
        } finally {
            h.lock.unlock();
            locks.compute(liveLessonId, (id, holder) -> --holder.users == 0 ? null : holder);
        }
    }

    void run(String liveLessonId, Runnable work) {
        with(liveLessonId, () -> {
            work.run();
            return null;
        });
    }

    /** How many livelessons have a lock in use (for tests). */
    int inUse() {
        return locks.size();
    }
}
