package io.antidote.tf.stack.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.testing.DockerEngine;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Faults on the real Docker engine: each ends with a clear error naming the endpoint, the livelesson Error=true, and
 * nothing of it left on the host.
 */
class DockerFaultsIT {
    private static final Path EXAMPLES = Path.of("examples/curriculum");

    /** What the failed CREATE reported, and the checks every fault shares. */
    private static String failedCreate(DockerLab lab, Lesson lesson, String id) throws Exception {
        Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> lab.create(lesson, 0, id));
        assertThat(error).as("CREATE of %s", lesson.slug()).isNotNull();
        LiveLesson live = lab.db.getLiveLesson(id).orElseThrow();
        assertThat(live.error()).isTrue();
        assertThat(lab.footprint()).as("what the failed CREATE left").isEmpty();
        lab.db.deleteLiveLesson(id);
        return messages(error);
    }

    @Test
    void anImageMissingLocallyIsNamedWithItsEndpoint() throws Exception {
        try (DockerLab lab = new DockerLab(EXAMPLES, false, "no-such-tag")) {
            String message = failedCreate(lab, lab.curriculum.lessons().get("linux-first-steps"), DockerLab.randomId());
            assertThat(message).contains("endpoint linux1: image antidotelabs/utility:no-such-tag is not on this host");
        }
    }

    @Test
    void aContainerThatExitsAtOnceIsNamedWithItsExitCode() throws Exception {
        String tag = "exits-at-once";
        String probe = "antidote-test-exits-" + DockerLab.randomId();
        DockerEngine.docker(Duration.ofSeconds(60), "create", "--name", probe, "--entrypoint", "/bin/sh",
                "antidotelabs/utility:latest", "-c", "echo the endpoint gives up; exit 3").ok();
        try {
            DockerEngine.docker(Duration.ofSeconds(60), "commit", probe, "antidotelabs/utility:" + tag).ok();
        } finally {
            DockerEngine.docker(Duration.ofSeconds(60), "rm", "-f", probe);
        }
        try (DockerLab lab = new DockerLab(EXAMPLES, false, tag)) {
            String message = failedCreate(lab, lab.curriculum.lessons().get("linux-first-steps"), DockerLab.randomId());
            assertThat(message).contains("endpoint linux1: its container exited at once (exit code 3)")
                    .contains("the endpoint gives up");
        } finally {
            DockerEngine.docker(Duration.ofSeconds(60), "rmi", "antidotelabs/utility:" + tag);
        }
    }

    @Test
    void aPortAlreadyTakenIsNamedWithItsEndpoint() throws Exception {
        try (DockerLab lab = new DockerLab(EXAMPLES, false)) {
            String id = DockerLab.randomId();
            String address = LoopbackAddresses.of(lab.instanceId + "-" + id, 0);
            try (ServerSocket taken = new ServerSocket()) {
                taken.bind(new InetSocketAddress(InetAddress.getByName(address), 22));
                String message = failedCreate(lab, lab.curriculum.lessons().get("linux-first-steps"), id);
                assertThat(message).contains("endpoint linux1: its network could not start").contains(address + ":22");
            }
        }
    }

    @Test
    void aStoppedDockerEngineIsReportedAndNothingIsLeftOnceItIsBack() throws Exception {
        try (DockerLab lab = new DockerLab(EXAMPLES, false)) {
            Lesson lesson = lab.curriculum.lessons().get("linux-first-steps");
            String id = DockerLab.randomId();
            DockerEngine.stop();
            try {
                Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> lab.create(lesson, 0, id));
                assertThat(error).isNotNull();
                assertThat(lab.db.getLiveLesson(id).orElseThrow().error()).isTrue();
                assertThat(messages(error)).contains("the Docker engine is not reachable");
            } finally {
                DockerEngine.start();
            }
            // the failed destroy kept the stack: DELETE now removes it, and nothing is left
            lab.deleteAndCheck(lab.db.getLiveLesson(id).orElseThrow());
        }
    }

    private static String messages(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
            for (Throwable s : t.getSuppressed()) {
                all.append(s.getMessage()).append('\n');
            }
        }
        return all.toString();
    }

    @Test
    void deleteOfAFailedLivelessonIsANoOp() throws Exception {
        try (DockerLab lab = new DockerLab(EXAMPLES, false, "no-such-tag")) {
            String id = DockerLab.randomId();
            Lesson lesson = lab.curriculum.lessons().get("linux-first-steps");
            assertThatThrownBy(() -> lab.create(lesson, 0, id)).isNotNull();
            lab.deleteAndCheck(lab.db.getLiveLesson(id).orElseThrow());
            assertThat(lab.db.getLiveLesson(id)).isEmpty();
        }
    }
}
