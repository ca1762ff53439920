package io.antidote.tf.scheduler;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks so that tasks with the same key run one at a time in submission order, while tasks with different
 * keys run concurrently on at most {@code maxConcurrent} threads.
 *
 * <p>Each key has a lane (a FIFO of tasks); at most one task per lane is on the thread pool at a time. After a task
 * finishes, the lane's next task goes to the back of the pool's queue, so a busy key cannot starve the others.
 */
final class KeyedExecutor {
    private final ExecutorService pool;
    private final Map<String, Deque<Runnable>> lanes = new HashMap<>();
    private final Set<String> running = new HashSet<>();
    private boolean closed;

    KeyedExecutor(int maxConcurrent, String threadPrefix) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(maxConcurrent, r -> {
            Thread t = new Thread(r, threadPrefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues {@code task} behind the earlier tasks of {@code key}; returns false once closed. */
    boolean submit(String key, Runnable task) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            Deque<Runnable> lane = lanes.get(key);
            if (lane != null) {
                lane.add(task);
                return true;
            }
            lane = new ArrayDeque<>();
            lane.add(task);
            lanes.put(key, lane);
        }
        pool.execute(() -> runHead(key));
        return true;
    }

    private void runHead(String key) {
        Runnable task;
        synchronized (this) {
            if (closed) {
                return;
            }
            task = lanes.get(key).peek();
            running.add(key);
        }
        try {
            task.run();
        } finally {
            advance(key);
        }
    }

    private void advance(String key) {
        synchronized (this) {
            running.remove(key);
            Deque<Runnable> lane = lanes.get(key);
            lane.poll();
            if (lane.isEmpty()) {
                lanes.remove(key);
                return;
            }
            if (closed) {
                return;
            }
        }
        pool.execute(() -> runHead(key));
    }

    /**
     * Takes no more tasks, drops the ones not yet started, waits up to {@code grace} for the running ones, then
     * interrupts them and waits up to {@code grace} again.
     *
     * @return the dropped tasks, and the running tasks that did not stop in time, for the caller to report
     */
    Closed close(Duration grace) throws InterruptedException {
        List<Runnable> dropped = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return new Closed(List.of(), true);
            }
            closed = true;
            lanes.forEach((key, lane) -> lane.stream().skip(running.contains(key) ? 1 : 0).forEach(dropped::add));
        }
        pool.shutdown();
        boolean finished = pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            pool.shutdownNow();
            finished = pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        }
        return new Closed(List.copyOf(dropped), finished);
    }

    /** How many tasks wait in lanes and how many run now. */
    record Counts(int waiting, int running) {
    }

    synchronized Counts counts() {
        int queued = 0;
        for (Deque<Runnable> lane : lanes.values()) {
            queued += lane.size();
        }
        return new Counts(queued - running.size(), running.size());
    }

    /** Takes no more tasks and interrupts the running ones without waiting. */
    void abort() {
        synchronized (this) {
            closed = true;
        }
        pool.shutdownNow();
    }

    /** What {@link #close} left undone: tasks never started, and whether every running task stopped. */
    record Closed(List<Runnable> dropped, boolean allStopped) {
    }
}
