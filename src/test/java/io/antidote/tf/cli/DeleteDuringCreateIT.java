package io.antidote.tf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.state.SqliteDataManager;
import io.antidote.tf.testing.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A DELETE pre-empts a CREATE that is still running (its provisioner sleeps 300 s): the CREATE's terraform is
 * cancelled in two phases, one destroy follows, and the DELETE is done within seconds, not after the CREATE. Once
 * across two command-line processes that share only the state database ({@code up} in one, {@code down ID} in
 * another), once through {@code serve}'s API.
 */
class DeleteDuringCreateIT {
    private static final String HOOK = "sleep 300";

    @Test
    void downInAnotherProcessCancelsAnUpStillCreatingAndLeavesNothing() throws Exception {
        Requirements.tool("terraform");
        try (CliLab lab = new CliLab()) {
            Path config = lab.config(Map.of("utility", HOOK), "");
            try (CliProcess up = CliProcess.start(lab.temp, "up", lab.args("up", config, "--lesson", "lab"))) {
                up.await("running the 300 s hook", Duration.ofSeconds(120),
                        () -> up.errContains("apply_start terraform_data.endpoint_web1")
                                && up.process.descendants().anyMatch(p -> InterruptIT.command(p).contains(HOOK)));
                List<ProcessHandle> started = up.process.descendants().toList();
                String id = only(lab).id();
                long start = System.nanoTime();
                try (CliProcess down = CliProcess.start(lab.temp, "down", lab.args("down", config, id))) {
                    assertThat(down.process.waitFor(120, TimeUnit.SECONDS)).as("down finished").isTrue();
                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    assertThat(down.process.exitValue()).as(down.err()).isZero();
                    assertThat(down.out()).contains("livelesson " + id + " removed");
                    assertThat(took).as("down did not wait for the 300 s provisioner").isLessThan(Duration.ofSeconds(90));
                }
                assertThat(up.process.waitFor(60, TimeUnit.SECONDS)).as("up ended").isTrue();
                assertThat(up.process.exitValue()).isEqualTo(1);
                assertThat(up.err()).contains("its creation was cancelled: a DELETE of it").doesNotContain("\tat ");
                for (ProcessHandle p : started) {
                    p.onExit().get(10, TimeUnit.SECONDS);
                }
            }
            try (SqliteDataManager db = lab.openDb()) {
                assertThat(db.listLiveLessons()).isEmpty();
                assertThat(db.ledger().claims()).isEmpty();
                assertThat(db.ledger().deletions()).isEmpty();
                assertThat(db.ledger().pendingDestroys()).isEmpty();
            }
            assertThat(CliLab.processesUnder(lab.workDir)).isEmpty();
            lab.assertNothingLeft();
        }
    }

    @Test
    void aDeleteThroughTheApiDuringACreateIsDoneWithinSeconds() throws Exception {
        Requirements.tool("terraform");
        try (CliLab lab = new CliLab()) {
            Files.writeString(lab.temp.resolve("admin-token"), "delete-test-admin-token-0123\n");
            Path config = lab.config(Map.of("utility", HOOK), "api:\n  adminTokenFile: admin-token");
            try (CliProcess serve = CliProcess.start(lab.temp, "serve", lab.args("serve", config, "--http-port", "0"))) {
                serve.await("serving", Duration.ofSeconds(90), () -> serve.errContains("antidote-tf: serving instance"));
                ApiClient api = ApiClient.of(serve);
                String id = api.requestLesson(api.session(), "lab", 0).json().path("id").asText();
                serve.await("running the 300 s hook", Duration.ofSeconds(120), () -> status(lab, id)
                        == LiveLessonStatus.BOOTING && serve.process.descendants()
                                .anyMatch(p -> InterruptIT.command(p).contains(HOOK)));
                long start = System.nanoTime();
                ApiClient.Answer deleted = api.call("DELETE", "/admin/livelesson/" + id, null, "Authorization",
                        "Bearer delete-test-admin-token-0123");
                assertThat(deleted.status()).as(deleted.text()).isEqualTo(200);
                serve.await("the livelesson gone", Duration.ofSeconds(120), () -> status(lab, id) == null
                        && !Files.exists(lab.stackDir(id)));
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("not after the 300 s provisioner")
                        .isLessThan(Duration.ofSeconds(90));
                assertThat(serve.err()).contains("cancelled: a DELETE of it takes over");
                serve.signal("TERM");
                assertThat(serve.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(serve.process.exitValue()).as(serve.err()).isZero();
            }
            assertThat(CliLab.processesUnder(lab.workDir)).isEmpty();
            lab.assertNothingLeft();
        }
    }

    private static LiveLesson only(CliLab lab) {
        try (SqliteDataManager db = lab.openDb()) {
            List<LiveLesson> all = db.listLiveLessons();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private static LiveLessonStatus status(CliLab lab, String id) {
        try (SqliteDataManager db = lab.openDb()) {
            return db.getLiveLesson(id).map(LiveLesson::status).orElse(null);
        }
    }
}
