package io.antidote.tf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.state.SqliteDataManager;
import io.antidote.tf.testing.Requirements;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C during {@code up}, as a process: SIGINT to the JVM while terraform runs a 30 s hook. The JVM exits non-zero
 * within the runner's cancel grace, no terraform (or hook) process is left, the livelesson is in the database with
 * Error=true and its workspace kept, and {@code down} in another process removes everything.
 */
class InterruptIT {
    private static final int CANCEL_GRACE_SECONDS = 2;

    @Test
    void ctrlCDuringUpCancelsTerraformMarksTheLiveLessonAndDownCleansUp() throws Exception {
        Requirements.tool("terraform");
        Requirements.require(Requirements.which("env").isPresent(), "env (coreutils) is not on PATH");
        try (CliLab lab = new CliLab()) {
            Path config = lab.config(Map.of("utility", "sleep 30"), "");
            List<ProcessHandle> started;
            long signalled;
            try (CliProcess up = CliProcess.start(lab.temp, "up", lab.args("up", config, "--lesson", "lab"))) {
                up.await("running the 30 s hook", Duration.ofSeconds(90),
                        () -> up.errContains("apply_start terraform_data.endpoint_web1")
                                && up.process.descendants().anyMatch(p -> command(p).contains("sleep 30")));
                started = up.process.descendants().toList();
                assertThat(started).extracting(InterruptIT::command).anyMatch(c -> c.contains("terraform"));

                signalled = System.nanoTime();
                up.signal("INT");
                assertThat(up.process.waitFor(CANCEL_GRACE_SECONDS + 20, TimeUnit.SECONDS))
                        .as("exited within the cancel grace").isTrue();
                assertThat(up.process.exitValue()).as(up.err()).isNotZero();
                assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(25));
                assertThat(up.err()).contains("antidote-tf: interrupted").doesNotContain("\tat ");
            }
            for (ProcessHandle p : started) {
                p.onExit().get(5, TimeUnit.SECONDS);
                assertThat(p.isAlive()).as("left running: " + command(p)).isFalse();
            }
            String id;
            try (SqliteDataManager db = lab.openDb()) {
                List<LiveLesson> lessons = db.listLiveLessons();
                assertThat(lessons).hasSize(1);
                id = lessons.get(0).id();
                assertThat(lessons.get(0).error()).as("marked Error").isTrue();
            }
            assertThat(lab.stackDir(id)).as("the workspace (terraform's state) is kept for down").isDirectory();

            try (CliProcess down = CliProcess.start(lab.temp, "down", lab.args("down", config, id))) {
                assertThat(down.process.waitFor(90, TimeUnit.SECONDS)).as("down finished").isTrue();
                assertThat(down.process.exitValue()).as(down.err()).isZero();
            }
            try (SqliteDataManager db = lab.openDb()) {
                assertThat(db.listLiveLessons()).isEmpty();
            }
            assertThat(lab.stackDir(id)).doesNotExist();
            lab.assertNothingLeft();
        }
    }

    static String command(ProcessHandle p) {
        return p.info().commandLine().orElse(p.info().command().orElse(""));
    }
}
