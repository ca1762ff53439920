package io.antidote.tf.scheduler;

import static io.antidote.tf.scheduler.SchedulerFixtures.await;
import static io.antidote.tf.scheduler.SchedulerFixtures.config;
import static io.antidote.tf.scheduler.SchedulerFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.Operation;
import io.antidote.tf.state.InMemoryDataManager;
import io.opentracing.noop.NoopTracerFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SchedulerRequestsTest {
    private final RecordingBackend backend = new RecordingBackend();
    private final InProcessRequestQueue queue = new InProcessRequestQueue();

    private Scheduler scheduler;

    private Scheduler started(int maxConcurrent) {
        scheduler = new Scheduler(backend, new InMemoryDataManager(), config(1440, 3600, maxConcurrent),
                NoopTracerFactory.create(), Clock.systemUTC(), queue, queue, Duration.ofSeconds(2));
        scheduler.start();
        return scheduler;
    }

    @AfterEach
    void nothingLeftBehind() throws InterruptedException {
        if (scheduler != null) {
            scheduler.close();
        }
        SchedulerFixtures.assertNoSchedulerThreadsLeft();
    }

    @Test
    void requestsForOneLiveLessonNeverOverlapAndKeepTheirOrder() throws Exception {
        backend.onRequest(r -> sleep(15));
        List<LessonScheduleRequest> sent = new ArrayList<>();
        for (String id : List.of("a", "b", "c")) {
            sent.add(request(Operation.CREATE, id, 0));
            IntStream.rangeClosed(1, 5).forEach(stage -> sent.add(request(Operation.MODIFY, id, stage)));
            sent.add(request(Operation.DELETE, id, 0));
        }
        started(4);
        sent.forEach(queue::submit);
        await("every request", Duration.ofSeconds(10), () -> backend.requests().size() == sent.size());
        scheduler.close();
        assertThat(backend.overlapSeen()).as("two requests of one livelesson at once").isFalse();
        for (String id : List.of("a", "b", "c")) {
            assertThat(backend.requests()).filteredOn(r -> r.liveLessonId().equals(id))
                    .containsExactlyElementsOf(sent.stream().filter(r -> r.liveLessonId().equals(id)).toList());
        }
        assertThat(backend.maxRunning()).as("different livelessons ran concurrently").isGreaterThan(1);
    }

    @Test
    void differentLiveLessonsRunConcurrentlyUpToTheLimitAndNeverBeyond() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        backend.onRequest(r -> SchedulerStartTest.awaitQuietly(release));
        started(3);
        IntStream.range(0, 8).forEach(i -> queue.submit(request(Operation.CREATE, "ll" + i, 0)));
        await("three requests at once", Duration.ofSeconds(5), () -> backend.running() == 3);
        Thread.sleep(200);
        assertThat(backend.running()).isEqualTo(3);
        release.countDown();
        await("all eight", Duration.ofSeconds(5), () -> backend.requests().size() == 8 && backend.running() == 0);
        scheduler.close();
        assertThat(backend.maxRunning()).isEqualTo(3);
    }

    @Test
    void failingRequestsDoNotStopLaterOnes() throws Exception {
        backend.onRequest(r -> {
            if (r.operation() == Operation.CREATE && r.liveLessonId().equals("runtime")) {
                throw new IllegalStateException("terraform apply failed");
            }
            if (r.operation() == Operation.CREATE && r.liveLessonId().equals("assertion")) {
                throw new AssertionError("a broken invariant");
            }
        });
        started(1);
        queue.submit(request(Operation.CREATE, "runtime", 0));
        queue.submit(request(Operation.CREATE, "assertion", 0));
        queue.submit(request(Operation.DELETE, "runtime", 0));
        queue.submit(request(Operation.CREATE, "healthy", 0));
        await("four requests", Duration.ofSeconds(5), () -> backend.requests().size() == 4);
        assertThat(queue.awaitCompletion(Duration.ofSeconds(5))).map(LessonScheduleRequest::liveLessonId)
                .contains("healthy");
        assertThat(queue.awaitCompletion(Duration.ofMillis(200))).as("failed CREATEs are not reported").isEmpty();
        scheduler.close();
        assertThat(backend.requests()).containsExactlyInAnyOrder(request(Operation.CREATE, "runtime", 0),
                request(Operation.CREATE, "assertion", 0), request(Operation.DELETE, "runtime", 0),
                request(Operation.CREATE, "healthy", 0));
        assertThat(backend.requests()).filteredOn(r -> r.liveLessonId().equals("runtime"))
                .extracting(LessonScheduleRequest::operation).containsExactly(Operation.CREATE, Operation.DELETE);
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void everyOperationGoesToItsHandlerAndOnlyCreateIsReported(Operation op) throws Exception {
        started(2);
        queue.submit(request(op, "one", 2));
        await("the request", Duration.ofSeconds(5), () -> backend.requests().size() == 1);
        Optional<LessonScheduleRequest> reported = queue.awaitCompletion(Duration.ofMillis(op == Operation.CREATE ? 5000 : 200));
        assertThat(reported).isEqualTo(op == Operation.CREATE ? Optional.of(request(op, "one", 2)) : Optional.empty());
        scheduler.close();
        String expected = switch (op) {
            case CREATE -> "handleCreate";
            case MODIFY -> "handleModify";
            case DELETE -> "handleDelete";
        };
        assertThat(backend.calls()).filteredOn(c -> c.request() != null).singleElement()
                .satisfies(c -> assertThat(c.method()).isEqualTo(expected));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
