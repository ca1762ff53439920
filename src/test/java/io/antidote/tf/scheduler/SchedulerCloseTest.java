package io.antidote.tf.scheduler;

import static io.antidote.tf.scheduler.SchedulerFixtures.await;
import static io.antidote.tf.scheduler.SchedulerFixtures.config;
import static io.antidote.tf.scheduler.SchedulerFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.live.Operation;
import io.antidote.tf.state.InMemoryDataManager;
import io.opentracing.noop.NoopTracerFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchedulerCloseTest {
    private final RecordingBackend backend = new RecordingBackend();
    private final InProcessRequestQueue queue = new InProcessRequestQueue();

    private Scheduler started(Duration grace) {
        Scheduler scheduler = new Scheduler(backend, new InMemoryDataManager(), config(1440, 3600, 1),
                NoopTracerFactory.create(), Clock.systemUTC(), queue, queue, grace);
        scheduler.start();
        return scheduler;
    }

    @AfterEach
    void nothingLeftBehind() throws InterruptedException {
        SchedulerFixtures.assertNoSchedulerThreadsLeft();
    }

    @Test
    void closeInterruptsAStuckRequestAfterTheGraceAndDropsTheQueuedOnes() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        backend.onRequest(r -> {
            try {
                never.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw new IllegalStateException("interrupted", e);
            }
        });
        Scheduler scheduler = started(Duration.ofMillis(200));
        queue.submit(request(Operation.CREATE, "stuck", 0));
        queue.submit(request(Operation.DELETE, "stuck", 0));
        queue.submit(request(Operation.CREATE, "other", 0));
        await("the stuck request", Duration.ofSeconds(5), () -> backend.running() == 1);
        await("everything handed over", Duration.ofSeconds(5), () -> queue.pending() == 0);

        long start = System.nanoTime();
        scheduler.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(interrupted).isTrue();
        assertThat(backend.requests()).containsExactly(request(Operation.CREATE, "stuck", 0));

        queue.submit(request(Operation.CREATE, "too-late", 0));
        Thread.sleep(100);
        assertThat(backend.requests()).hasSize(1);
    }

    @Test
    void closeLetsARunningRequestFinishWithinTheGrace() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        backend.onRequest(r -> {
            entered.countDown();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        Scheduler scheduler = started(Duration.ofSeconds(5));
        queue.submit(request(Operation.CREATE, "finishing", 0));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        scheduler.close();
        assertThat(interrupted).isFalse();
        assertThat(queue.awaitCompletion(Duration.ZERO)).isPresent();
    }

    @Test
    void closeIsIdempotent() {
        Scheduler scheduler = started(Duration.ofSeconds(1));
        scheduler.close();
        scheduler.close();
        assertThat(backend.methods()).startsWith("pruneOrphans");
    }
}
