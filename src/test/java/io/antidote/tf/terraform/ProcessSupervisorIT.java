package io.antidote.tf.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process launch through zt-exec, with real child processes: environment, stdin, line cutting, start errors. */
class ProcessSupervisorIT {
    private static final ProcessSupervisor.Limits LIMITS =
            new ProcessSupervisor.Limits(Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(2));
    private final ProcessSupervisor supervisor = new ProcessSupervisor();
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    private ProcessSupervisor.Outcome run(Map<String, String> env, String script) throws Exception {
        return supervisor.run(List.of("/bin/sh", "-c", script), dir, env, LIMITS,
                (stderr, line) -> (stderr ? err : out).add(line), pid -> { });
    }

    @Test
    void theChildSeesExactlyTheGivenEnvironmentAndNothingInherited() throws Exception {
        ProcessSupervisor.Outcome outcome = run(Map.of("PATH", "/usr/bin:/bin", "MARKER", "m1"), "env");
        assertThat(outcome.exitCode()).isZero();
        List<String> names = new ArrayList<>(out.stream().map(l -> l.substring(0, l.indexOf('='))).toList());
        assertThat(out).contains("MARKER=m1", "PATH=/usr/bin:/bin");
        names.removeAll(List.of("PATH", "MARKER", "PWD", "SHLVL", "_", "OLDPWD"));
        assertThat(names).as("variables the child inherited").isEmpty();
        assertThat(System.getenv()).as("the JVM itself has variables to leak").containsKey("PATH");
    }

    @Test
    void stdinIsAtEndOfFile() throws Exception {
        ProcessSupervisor.Outcome outcome = run(Map.of("PATH", "/usr/bin:/bin"), "cat; echo after-stdin");
        assertThat(outcome.ending()).isEqualTo(ProcessSupervisor.Ending.EXITED);
        assertThat(out).containsExactly("after-stdin");
    }

    @Test
    void linesAreUtf8WithoutCarriageReturnsAndALastLineWithoutNewlineIsKept() throws Exception {
        run(Map.of("PATH", "/usr/bin:/bin"), "printf 'caf\\303\\251\\r\\n\\n'; printf 'to-err\\n' >&2; printf 'last'");
        assertThat(out).containsExactly("café", "", "last");
        assertThat(err).containsExactly("to-err");
    }

    @Test
    void aProcessThatCannotStartIsAnErrorWithoutTheEnvironment() throws IOException {
        Path missing = dir.resolve("no-such-dir");
        assertThatThrownBy(() -> supervisor.run(List.of("/bin/true"), missing,
                Map.of("PATH", "/usr/bin:/bin", "TF_VAR_password", "hunter2-secret"), LIMITS, (e, l) -> { },
                pid -> { }))
                .isInstanceOf(IOException.class)
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2-secret").isNotBlank());
        assertThat(Files.exists(missing)).isFalse();
    }
}
