package io.antidote.tf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad invocations of the lifecycle commands as real processes ({@code java -jar}): the exit code reaches the shell,
 * stderr is exactly one line (no log lines, no stack trace), stdout is empty, and nothing is written.
 */
class LifecycleProcessIT {
    CliLab lab;

    @BeforeEach
    void setUp() throws IOException {
        lab = new CliLab();
    }

    @AfterEach
    void tearDown() throws IOException {
        lab.assertNothingLeft();
        lab.close();
    }

    private void assertOneLine(String name, int exit, String fragment, String... args) throws Exception {
        try (CliProcess p = CliProcess.start(lab.temp, name, args)) {
            p.process.waitFor();
            assertThat(p.process.exitValue()).as(p.err()).isEqualTo(exit);
            assertThat(p.err().lines().toList()).singleElement().asString().startsWith("antidote-tf: ")
                    .contains(fragment);
            assertThat(p.out()).isEmpty();
        }
        assertThat(lab.db).doesNotExist();
        assertThat(lab.workDir.resolve(CliLab.INSTANCE)).doesNotExist();
    }

    @Test
    void everyKindOfBadInvocationIsOneLineAndAnExitCode() throws Exception {
        Path config = lab.config();
        assertOneLine("flag", ExitCodes.USAGE, "Unknown option: '--bogus'", lab.args("up", config, "--lesson", "lab",
                "--bogus"));
        assertOneLine("noconfig", ExitCodes.USAGE, "no such file", lab.args("down", lab.temp.resolve("x.yml"), "abc"));
        assertOneLine("lesson", ExitCodes.USAGE, "no lesson 'nope'", lab.args("up", config, "--lesson", "nope"));
        assertOneLine("id", ExitCodes.USAGE, "no livelesson 'nosuchid00'", lab.args("stage", config, "nosuchid00", "1"));
        Path noTerraform = lab.config(Map.of(), "liveSessionTTL: 99");
        Files.writeString(noTerraform, Files.readString(noTerraform).replace("      workDir: work\n",
                "      workDir: work\n      binary: no-such-terraform-here\n"));
        assertOneLine("terraform", ExitCodes.FAILED, "terraform binary 'no-such-terraform-here' not found",
                lab.args("prune", noTerraform));
    }

    @Test
    void serveWithoutAReachableBrokerIsOneLine() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        // serve takes requests over NATS only with scheduler.queue: nats (in process by default), and opens its
        // state and backend before it connects: the error is its one antidote-tf line, after the runner's warnings
        Path config = lab.config(Map.of(), "natsUrl: nats://127.0.0.1:" + closed + "\nscheduler:\n  queue: nats");
        try (CliProcess p = CliProcess.start(lab.temp, "serve", lab.args("serve", config, "--http-port", "0"))) {
            assertThat(p.process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("serve gave up").isTrue();
            assertThat(p.process.exitValue()).as(p.err()).isEqualTo(ExitCodes.FAILED);
            assertThat(p.err().lines().filter(l -> l.startsWith("antidote-tf: ")).toList()).singleElement().asString()
                    .contains("cannot connect to NATS at nats://127.0.0.1:" + closed);
            assertThat(p.err()).doesNotContain("\tat ");
            assertThat(p.out()).isEmpty();
        }
    }
}
