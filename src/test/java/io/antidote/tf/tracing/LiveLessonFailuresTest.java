package io.antidote.tf.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.AntidoteException;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.state.InMemoryDataManager;
import io.antidote.tf.state.NoSuchLiveLessonException;
import io.opentracing.mock.MockSpan;
import io.opentracing.mock.MockTracer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveLessonFailuresTest {
    private final MockTracer tracer = new MockTracer();
    private final InMemoryDataManager db = new InMemoryDataManager();

    private void createLiveLesson(String id) {
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        db.createLiveLesson(new LiveLesson(id, "session1", "antidote1", "bgp-basics", Map.of(), 1, null, null, null,
                LiveLessonStatus.BOOTING, t, t, false, 0, 0, null, null, null));
    }

    private MockSpan failIn(String id, Throwable error, Redactor redactor, AntidoteException[] returned) {
        MockSpan span = tracer.buildSpan("create").start();
        returned[0] = LiveLessonFailures.fail(span, db, id, error, redactor);
        span.finish();
        return span;
    }

    @Test
    void logsTheErrorToTheSpanAndSetsTheErrorFlag() {
        createLiveLesson("ll1");
        AntidoteException[] returned = new AntidoteException[1];
        IllegalStateException error = new IllegalStateException("terraform apply failed");
        MockSpan span = failIn("ll1", error, Redactor.DEFAULT, returned);

        assertThat(span.tags()).containsEntry("error", true);
        assertThat(span.logEntries()).singleElement().satisfies(l -> {
            assertThat(l.fields().get("event")).isEqualTo("error");
            assertThat(l.fields().get("error.kind")).isEqualTo("IllegalStateException");
            assertThat(l.fields().get("message")).isEqualTo("terraform apply failed");
        });
        assertThat(db.getLiveLesson("ll1").orElseThrow().error()).isTrue();
        assertThat(returned[0]).hasMessage("livelesson ll1: terraform apply failed").hasCause(error);
    }

    @Test
    void anAntidoteExceptionIsReturnedAsItIs() {
        createLiveLesson("ll2");
        AntidoteException error = new AntidoteException("stack failed");
        AntidoteException[] returned = new AntidoteException[1];
        failIn("ll2", error, Redactor.DEFAULT, returned);
        assertThat(returned[0]).isSameAs(error);
    }

    @Test
    void aDataManagerFailureDoesNotHideTheOriginalError() {
        AntidoteException error = new AntidoteException("provisioning failed");
        AntidoteException[] returned = new AntidoteException[1];
        MockSpan span = failIn("gone", error, Redactor.DEFAULT, returned);

        assertThat(returned[0]).isSameAs(error);
        assertThat(error.getSuppressed()).singleElement().isInstanceOf(NoSuchLiveLessonException.class);
        assertThat(span.logEntries()).singleElement()
                .satisfies(l -> assertThat(l.fields().get("message")).isEqualTo("provisioning failed"));
        assertThat(span.tags()).containsEntry("error", true);
    }

    @Test
    void passwordsInTheErrorNeverReachTheSpanOrTheReturnedMessage() {
        createLiveLesson("ll3");
        RuntimeException error = new RuntimeException(
                "configurator failed: ANTIDOTE_TARGET_PASSWORD=antidotepassword for vqfx1, ssh pw Juniper123");
        AntidoteException[] returned = new AntidoteException[1];
        MockSpan span = failIn("ll3", error, Redactor.DEFAULT.withSecrets(List.of("Juniper123")), returned);

        String logged = String.valueOf(span.logEntries().get(0).fields().get("message"));
        assertThat(logged).doesNotContain("antidotepassword", "Juniper123")
                .isEqualTo("configurator failed: ANTIDOTE_TARGET_PASSWORD=**** for vqfx1, ssh pw ****");
        assertThat(returned[0].getMessage()).doesNotContain("antidotepassword", "Juniper123");
    }

    @Test
    void eventsAreRedactedToo() {
        MockSpan span = tracer.buildSpan("x").start();
        Spans.event(span, "applied", Map.of("env", "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "count", 3));
        Map<String, Object> fields = Map.copyOf(span.logEntries().get(0).fields());
        assertThat(fields).containsEntry("event", "applied")
                .containsEntry("env", "AWS_ACCESS_KEY_ID=****")
                .containsEntry("count", 3);
    }
}
