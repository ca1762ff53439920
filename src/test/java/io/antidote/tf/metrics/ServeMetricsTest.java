package io.antidote.tf.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.live.Operation;
import io.antidote.tf.state.InMemoryDataManager;
import io.antidote.tf.terraform.Phase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What /metrics shows after requests, terraform commands and with livelessons in the store. */
class ServeMetricsTest {

    @Test
    void countsRequestsCommandsLivelessonsAndTheQueue() throws Exception {
        InMemoryDataManager db = new InMemoryDataManager();
        Instant now = Instant.now();
        db.createLiveLesson(new LiveLesson("a", "s", "i", "lab", Map.of(), 0, "", null, "", LiveLessonStatus.READY,
                now, now, false, 0, 0, "", "", ""));
        db.createLiveLesson(new LiveLesson("b", "s", "i", "lab", Map.of(), 0, "", null, "", LiveLessonStatus.BOOTING,
                now, now, true, 0, 0, "", "", ""));
        ServeMetrics metrics = new ServeMetrics();
        metrics.watch(db, () -> 3, () -> 2);
        LessonScheduleRequest create = new LessonScheduleRequest(Operation.CREATE, "a", "s", "lab", 0);
        metrics.finished(create, Duration.ofSeconds(42), null);
        metrics.finished(new LessonScheduleRequest(Operation.DELETE, "b", "s", "lab", 0), Duration.ofMillis(300),
                new IllegalStateException("x"));
        metrics.finished(Phase.APPLY, null, true);
        metrics.finished(Phase.APPLY, null, false);
        metrics.finished(Phase.INIT, null, true);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(text).contains(
                "antidote_livelessons{error=\"false\",status=\"READY\"} 1.0",
                "antidote_livelessons{error=\"true\",status=\"BOOTING\"} 1.0",
                "antidote_livelessons{error=\"false\",status=\"INITIALIZED\"} 0.0",
                "antidote_request_duration_seconds_bucket{operation=\"CREATE\",outcome=\"ok\",le=\"60.0\"} 1",
                "antidote_request_duration_seconds_bucket{operation=\"CREATE\",outcome=\"ok\",le=\"30.0\"} 0",
                "antidote_request_duration_seconds_count{operation=\"DELETE\",outcome=\"failed\"} 1",
                "antidote_terraform_commands_total{phase=\"apply\"} 2.0",
                "antidote_terraform_command_failures_total{phase=\"apply\"} 1.0",
                "antidote_terraform_command_failures_total{phase=\"init\"} 0.0",
                "antidote_scheduler_queue_depth 3.0",
                "antidote_scheduler_requests_running 2.0",
                "# TYPE antidote_request_duration_seconds histogram");
    }
}
