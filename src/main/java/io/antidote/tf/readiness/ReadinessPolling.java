package io.antidote.tf.readiness;

import io.antidote.tf.tracing.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** One wait's polling loop: rounds of parallel attempts on a private thread pool, which it shuts down when done. */
final class ReadinessPolling {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final String liveLessonId;
    private final ReadinessBoard board;
    private final ReadinessSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Instant start;
    private final Consumer<String> onEndpointReady;

    ReadinessPolling(String liveLessonId, ReadinessBoard board, ReadinessSettings settings, Clock clock,
            Sleeper sleeper, Instant start, Consumer<String> onEndpointReady) {
        this.liveLessonId = liveLessonId;
        this.board = board;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.start = start;
        this.onEndpointReady = onEndpointReady;
    }

    private record Attempt(ReadinessCheck check, CheckOutcome outcome) {
    }

    ReadinessResult run() {
        if (board.allHealthy()) {
            return new ReadinessResult(liveLessonId, board.total(), 0, elapsed());
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.parallelism(), board.checkCount()),
                daemonThreads("readiness-" + POOLS.incrementAndGet() + "-"));
        Instant deadline = start.plus(settings.timeout());
        try {
            for (int round = 1;; round++) {
                runRound(pool);
                if (board.allHealthy()) {
                    return new ReadinessResult(liveLessonId, board.total(), round, elapsed());
                }
                Instant now = clock.instant();
                if (!now.isBefore(deadline)) {
                    throw failure(ReadinessException.Reason.TIMED_OUT);
                }
                Duration left = Duration.between(now, deadline);
                sleeper.sleep(left.compareTo(settings.pollInterval()) < 0 ? left : settings.pollInterval());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(ReadinessException.Reason.INTERRUPTED);
        } finally {
            pool.shutdownNow();
        }
    }

    private void runRound(ExecutorService pool) throws InterruptedException {
        CompletionService<Attempt> attempts = new ExecutorCompletionService<>(pool);
        List<ReadinessCheck> pending = board.pending();
        for (ReadinessCheck check : pending) {
            attempts.submit(() -> new Attempt(check, attempt(check)));
        }
        for (int i = 0; i < pending.size(); i++) {
            Attempt done;
            try {
                done = attempts.take().get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a readiness attempt died", e.getCause());
            }
            String nowHealthy = board.record(done.check(), done.outcome());
            if (nowHealthy != null) {
                onEndpointReady.accept(nowHealthy);
            }
            if (done.outcome().status() == CheckOutcome.Status.FAILED) {
                throw failure(ReadinessException.Reason.FAILED);
            }
        }
    }

    private CheckOutcome attempt(ReadinessCheck check) {
        try {
            return check.attempt(settings.attemptTimeout());
        } catch (RuntimeException e) {
            return CheckOutcome.failed("check crashed: " + Redactor.shared().redact(e.toString()));
        }
    }

    private ReadinessException failure(ReadinessException.Reason reason) {
        return new ReadinessException(liveLessonId, reason, board.notReady(), elapsed());
    }

    private Duration elapsed() {
        return Duration.between(start, clock.instant());
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
