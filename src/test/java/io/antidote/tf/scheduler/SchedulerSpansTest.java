package io.antidote.tf.scheduler;

import static io.antidote.tf.scheduler.SchedulerFixtures.await;
import static io.antidote.tf.scheduler.SchedulerFixtures.config;
import static io.antidote.tf.scheduler.SchedulerFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.Operation;
import io.antidote.tf.state.InMemoryDataManager;
import io.opentracing.mock.MockSpan;
import io.opentracing.mock.MockTracer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchedulerSpansTest {
    private final RecordingBackend backend = new RecordingBackend();
    private final InProcessRequestQueue queue = new InProcessRequestQueue();
    private final MockTracer tracer = new MockTracer();

    private Scheduler scheduler;

    @AfterEach
    void close() {
        if (scheduler != null) {
            scheduler.close();
        }
    }

    private Scheduler started(CompletionSink completions) {
        scheduler = new Scheduler(backend, new InMemoryDataManager(), config(1440, 3600, 2), tracer,
                Clock.systemUTC(), queue, completions, Duration.ofSeconds(2));
        scheduler.start();
        return scheduler;
    }

    @Test
    void eachRequestHasASpanChildOfTheSendersWithItsTags() throws Exception {
        MockSpan sender = tracer.buildSpan("api_livelesson_create").start();
        LessonScheduleRequest sent = new LessonScheduleRequest(Operation.MODIFY, "ll1", "sess1", "bgp-basics", 3);
        started(queue);
        queue.submit(new IncomingRequest(sent, sender.context()));
        await("the request span", Duration.ofSeconds(5), () -> requestSpans().size() == 1);
        scheduler.close();
        MockSpan span = requestSpans().get(0);
        assertThat(span.parentId()).isEqualTo(sender.context().spanId());
        assertThat(span.context().traceId()).isEqualTo(sender.context().traceId());
        assertThat(span.tags()).containsEntry(RequestRunner.TAG_OPERATION, "MODIFY")
                .containsEntry(RequestRunner.TAG_LIVELESSON, "ll1").containsEntry(RequestRunner.TAG_LIVESESSION, "sess1")
                .containsEntry(RequestRunner.TAG_LESSON, "bgp-basics").containsEntry(RequestRunner.TAG_STAGE, 3)
                .doesNotContainKey("error");
        assertThat(backend.calls()).filteredOn(c -> c.request() != null).singleElement()
                .satisfies(c -> assertThat(c.span()).isSameAs(span));
    }

    @Test
    void aRequestWithoutSenderIsARootSpan() throws Exception {
        started(queue);
        queue.submit(request(Operation.DELETE, "orphan", 0));
        await("the request span", Duration.ofSeconds(5), () -> requestSpans().size() == 1);
        scheduler.close();
        assertThat(requestSpans().get(0).parentId()).isZero();
    }

    @Test
    void failuresAreTaggedAndLoggedOnTheSpan() throws Exception {
        backend.onRequest(r -> {
            if (r.liveLessonId().equals("rt")) {
                throw new IllegalStateException("apply failed");
            }
            throw new AssertionError("bad");
        });
        started(queue);
        queue.submit(request(Operation.CREATE, "rt", 0));
        queue.submit(request(Operation.CREATE, "ae", 0));
        await("two request spans", Duration.ofSeconds(5), () -> requestSpans().size() == 2);
        scheduler.close();
        assertThat(requestSpans()).allSatisfy(s -> assertThat(s.tags()).containsEntry("error", true));
        assertThat(errorKinds()).containsExactlyInAnyOrder("IllegalStateException", "AssertionError");
    }

    @Test
    void aCompletionThatCannotBeReportedDoesNotFailTheRequest() throws Exception {
        started((r, c) -> {
            throw new IllegalStateException("broker gone");
        });
        queue.submit(request(Operation.CREATE, "created", 0));
        await("the request span", Duration.ofSeconds(5), () -> requestSpans().size() == 1);
        scheduler.close();
        MockSpan span = requestSpans().get(0);
        assertThat(span.tags()).doesNotContainKey("error");
        assertThat(span.logEntries()).anySatisfy(e -> assertThat(e.fields().get("event")).isEqualTo("completion.unreported"));
    }

    private List<MockSpan> requestSpans() {
        return tracer.finishedSpans().stream().filter(s -> s.operationName().equals(RequestRunner.SPAN_NAME)).toList();
    }

    private List<Object> errorKinds() {
        return requestSpans().stream().flatMap(s -> s.logEntries().stream()).map(MockSpan.LogEntry::fields)
                .filter(f -> "error".equals(f.get("event"))).map(f -> (Object) f.get("error.kind")).toList();
    }

}
