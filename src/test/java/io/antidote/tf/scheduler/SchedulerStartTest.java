package io.antidote.tf.scheduler;

import static io.antidote.tf.scheduler.SchedulerFixtures.await;
import static io.antidote.tf.scheduler.SchedulerFixtures.config;
import static io.antidote.tf.scheduler.SchedulerFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antidote.tf.live.Operation;
import io.antidote.tf.state.InMemoryDataManager;
import io.opentracing.noop.NoopTracerFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchedulerStartTest {
    private final RecordingBackend backend = new RecordingBackend();
    private final InProcessRequestQueue queue = new InProcessRequestQueue();

    private Scheduler scheduler(int gcIntervalSeconds) {
        return new Scheduler(backend, new InMemoryDataManager(), config(1440, gcIntervalSeconds, 4),
                NoopTracerFactory.create(), Clock.systemUTC(), queue, queue, Duration.ofSeconds(2));
    }

    @AfterEach
    void nothingLeftBehind() throws InterruptedException {
        SchedulerFixtures.assertNoSchedulerThreadsLeft();
    }

    @Test
    void prunesOrphansBeforeAnyGarbageCollectionOrRequest() throws Exception {
        CountDownLatch pruning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        backend.onPruneOrphans(() -> {
            pruning.countDown();
            awaitQuietly(release);
        });
        queue.submit(request(Operation.CREATE, "waiting", 0));
        try (Scheduler scheduler = scheduler(60)) {
            Thread starter = new Thread(scheduler::start, "test-starter");
            starter.start();
            assertThat(pruning.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200);
            assertThat(backend.methods()).containsExactly("pruneOrphans");
            assertThat(queue.pending()).as("the waiting request is not taken while pruning").isEqualTo(1);

            release.countDown();
            starter.join(5000);
            await("a GC pass and the request", Duration.ofSeconds(5), () -> backend.methods().size() >= 3);
            assertThat(backend.methods()).first().isEqualTo("pruneOrphans");
            assertThat(backend.methods()).containsOnlyOnce("pruneOrphans", "handleCreate", "pruneOldLiveLessons");
        }
    }

    @Test
    void startsAnywayWhenPruningOrphansFails() throws Exception {
        backend.onPruneOrphans(() -> {
            throw new IllegalStateException("provider unreachable");
        });
        try (Scheduler scheduler = scheduler(60)) {
            scheduler.start();
            queue.submit(request(Operation.CREATE, "after-failed-prune", 0));
            assertThat(queue.awaitCompletion(Duration.ofSeconds(5))).isPresent();
            // the GC pass at start runs on its own thread: it may come after the request
            await("the GC pass at start", Duration.ofSeconds(5),
                    () -> backend.methods().contains("pruneOldLiveLessons"));
            assertThat(backend.methods()).first().isEqualTo("pruneOrphans");
        }
    }

    @Test
    void collectsGarbageAtStartAndThenEveryInterval() throws Exception {
        // an interval long enough that "at start" and "after one interval" cannot be confused on a loaded machine
        try (Scheduler scheduler = scheduler(3)) {
            long started = System.nanoTime();
            scheduler.start();
            await("the first GC pass", Duration.ofSeconds(3), () -> gcPasses() >= 1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the first pass does not wait an interval")
                    .isLessThan(Duration.ofMillis(2500));
            await("the second GC pass", Duration.ofSeconds(6), () -> gcPasses() >= 2);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        }
    }

    @Test
    void garbageCollectionSurvivesAFailingPass() throws Exception {
        backend.onPruneOldLiveLessons(() -> {
            throw new AssertionError("broken prune");
        });
        try (Scheduler scheduler = scheduler(1)) {
            scheduler.start();
            await("a GC pass after a failed one", Duration.ofSeconds(3), () -> gcPasses() >= 2);
        }
    }

    @Test
    void startsOnlyOnce() {
        try (Scheduler scheduler = scheduler(60)) {
            scheduler.start();
            assertThatThrownBy(scheduler::start).isInstanceOf(IllegalStateException.class);
        }
        assertThat(backend.methods()).containsOnlyOnce("pruneOrphans");
    }

    @Test
    void closingBeforeStartingLeavesNothing() {
        scheduler(60).close();
        assertThat(backend.methods()).isEmpty();
    }

    private long gcPasses() {
        return backend.methods().stream().filter("pruneOldLiveLessons"::equals).count();
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
