package io.antidote.tf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.testing.DockerEngine;
import io.antidote.tf.testing.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A CREATE on the docker target whose endpoint container exits at once, with the real Docker engine: the livelesson's
 * error detail (shown by {@code list}) carries the lesson host's log and the container's own log ({@code docker
 * logs}), gathered before the partial stack is destroyed; {@code down} then leaves no container. The endpoint image is
 * made here from this machine's {@code dash} (no registry is needed): it prints a line and exits 3.
 */
class DockerEvidenceIT {
    private static final String ORG = "antidote-evidence-test";
    private static final String TAG = "1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aContainerThatExitsAtOnceFailsTheCreateWithTheHostAndContainerLogsAsItsErrorDetail() throws Exception {
        Requirements.tool("terraform");
        DockerEngine.require();
        importExitingImage();
        try (CliLab lab = new CliLab()) {
            Path config = lab.temp.resolve("docker.yml");
            Files.writeString(config, """
                    instanceId: %s
                    curriculumDir: curriculum
                    liveLessonTTL: 600
                    imageOrg: %s
                    curriculumVersion: "%s"
                    backendConfigs:
                      terraform:
                        target: docker
                        readinessTimeoutSeconds: 60
                        runner:
                          workDir: work
                          cancelGraceSeconds: 5
                        docker:
                          hostDir: %s
                    """.formatted(CliLab.INSTANCE, ORG, TAG, lab.temp.resolve("host")));
            CliLab.Run up = CliLab.run(lab.args("up", config, "--lesson", "lab"));
            assertThat(up.exit()).as(up.err()).isEqualTo(1);
            CliLab.Run list = CliLab.run(lab.args("list", config, "--output", "json"));
            JsonNode l = JSON.readTree(list.out()).get(0);
            String id = l.path("id").asText();
            assertThat(l.path("error").asBoolean()).isTrue();
            String detail = l.path("errorDetail").asText();
            assertThat(detail).contains("its container exited at once (exit code 3)")
                    .contains("--- lesson host log ").contains("--- container log of endpoint web1")
                    .contains("evidence-from-the-container");
            assertThat(CliLab.run(lab.args("list", config)).out()).contains("  error: terraform apply failed");
            assertThat(labelled(id)).as("the partial stack was destroyed").isEmpty();
            CliLab.Run down = CliLab.run(lab.args("down", config, id));
            assertThat(down.exit()).as(down.err()).isZero();
            assertThat(labelled(id)).isEmpty();
            lab.assertNothingLeft();
        }
    }

    private static String labelled(String id) {
        return DockerEngine.docker(Duration.ofSeconds(30), "ps", "-aq", "--filter", "label=liveLesson=" + id).ok();
    }

    /** {@code <org>/utility:<tag>}: this machine's dash and its libraries; prints a line on stderr and exits 3. */
    private static void importExitingImage() throws Exception {
        String script = "set -e; d=$(mktemp -d); for f in /bin/dash $(ldd /bin/dash | grep -o '/[^ ]*'); do"
                + " cp -L --parents \"$f\" \"$d\"; done; tar -C \"$d\" -c . | docker import"
                + " -c 'CMD [\"/bin/dash\", \"-c\", \"echo evidence-from-the-container >&2; exit 3\"]' - "
                + ORG + "/utility:" + TAG + " >/dev/null; rm -rf \"$d\"";
        Process p = new ProcessBuilder("/bin/bash", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("docker import: " + out).isZero();
    }
}
