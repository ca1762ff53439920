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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

    /**
     * The shutdown hook and a cancel racing each other send one SIGINT, never a second interrupt (terraform exits at
     * once on a second one, without saving its state): the child traps INT and TERM and keeps running, so it ends
     * by the SIGKILL after the grace.
     */
    @Test
    void aProcessGetsOneInterruptWhenTheShutdownHookAndACancelBothStopIt() throws Exception {
        Path log = dir.resolve("signals.log");
        ProcessSupervisor.Limits limits =
                new ProcessSupervisor.Limits(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(1));
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Throwable> run = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                supervisor.run(List.of("/bin/sh", "-c", "trap 'echo INT >> signals.log' INT;"
                        + " trap 'echo TERM >> signals.log' TERM; echo ready; while :; do sleep 0.1; done"), dir,
                        Map.of("PATH", "/usr/bin:/bin"), limits, (e, line) -> started.countDown(), pid -> { });
                run.complete(null);
            } catch (Throwable t) {
                run.complete(t);
            }
        });
        worker.start();
        assertThat(started.await(20, TimeUnit.SECONDS)).as("the child started").isTrue();
        ProcessSupervisor.interruptAllRunning();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!(Files.exists(log) && Files.readAllLines(log).contains("INT")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.readAllLines(log)).as("the hook's SIGINT arrived").containsExactly("INT");
        worker.interrupt();
        assertThat(run.get(30, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        assertThat(Files.readAllLines(log)).containsExactly("INT");
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
