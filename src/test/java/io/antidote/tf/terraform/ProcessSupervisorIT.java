package io.antidote.tf.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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

/**
 * The process launch with real child processes: environment, stdin, line cutting, start errors, and the signals a
 * child gets when its JVM is killed or ignores SIGINT (child JVMs of their own).
 */
class ProcessSupervisorIT {
    private static final ProcessSupervisor.Limits LIMITS =
            new ProcessSupervisor.Limits(Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ofSeconds(2));
    /** Logs every INT and stops one second after the first (a second INT within that second is logged too). */
    private static final String LOG_INT = "trap 'echo INT >> signals.log; sleep 1; echo stopped > finished; exit 0'"
            + " INT; echo ready; while :; do sleep 0.1; done";
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

    /**
     * The JVM exits (its shutdown hooks run) while a child runs: the child gets exactly one SIGINT and stops
     * gracefully; what it prints after the JVM is gone does not kill it, since its output goes to files.
     */
    @Test
    void aChildGetsOneInterruptWhenItsJvmExitsAndOutlivesItsOutput() throws Exception {
        Child child = childJvm(false, LOG_INT);
        try {
            child.awaitLine("ready");
            child.send("exit");
            assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            awaitFile(dir.resolve("finished"));
            assertThat(Files.readAllLines(dir.resolve("signals.log"))).as("one SIGINT, from the shutdown hook")
                    .containsExactly("INT");
        } finally {
            child.process().destroyForcibly();
        }
    }

    /**
     * The JVM dies by SIGKILL while a child runs: nothing signals the child (terraform finishes its command and saves
     * its state; the next owner of the stack stops it if it must), and its output, which a dead JVM's pipe would have
     * turned into a SIGPIPE at the first line, goes on into its file.
     */
    @Test
    void aChildOutlivesItsJvmKilledBySigkillAndKeepsWriting() throws Exception {
        Child child = childJvm(false, "echo ready; while [ ! -e go ]; do sleep 0.1; done;"
                + " i=0; while [ $i -lt 2000 ]; do echo line $i; i=$((i+1)); done; echo done > finished");
        try {
            child.awaitLine("ready");
            new ProcessBuilder("kill", "-KILL", Long.toString(child.process().pid())).start().waitFor();
            assertThat(child.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
            Files.createFile(dir.resolve("go"));
            awaitFile(dir.resolve("finished"));
            assertThat(Files.readString(dir.resolve("finished"))).isEqualTo("done\n");
        } finally {
            child.process().destroyForcibly();
        }
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(file).as("written by the child").exists();
    }

    /**
     * A JVM started with SIGINT ignored (a background job of a non-interactive shell) still cancels a child with
     * SIGINT: ignored signals stay ignored across exec, and a shell cannot even trap a signal ignored on entry, so
     * the child is started with SIGINT reset to its default. Without that the shell would log nothing and end only
     * by the SIGKILL after the 30 s grace.
     */
    @Test
    void aJvmThatIgnoresSigintStillCancelsItsChildWithSigint() throws Exception {
        Child child = childJvm(true, LOG_INT);
        Process jvm = child.process();
        try {
            child.awaitLine("ready");
            child.send("cancel");
            child.awaitLine("cancelled");
            assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readAllLines(dir.resolve("signals.log"))).as("the cancel's SIGINT reached the shell")
                    .containsExactly("INT");
        } finally {
            jvm.destroyForcibly();
        }
    }

    /** {@link SupervisedChild} running {@code script} in a JVM of its own, with SIGINT ignored when {@code ignoreSigint}. */
    private Child childJvm(boolean ignoreSigint, String script) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        if (ignoreSigint) {
            command.addAll(List.of("/bin/sh", "-c", "trap '' INT; exec \"$@\"", "ignore-int"));
        }
        command.addAll(List.of(java, "-cp", System.getProperty("java.class.path"), SupervisedChild.class.getName(),
                dir.toString(), script));
        Process p = new ProcessBuilder(command).redirectError(dir.resolve("child.err").toFile()).start();
        return new Child(p, new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
    }

    /** A child JVM and its stdout, read by one reader (a second one could have taken lines ahead of it). */
    private record Child(Process process, BufferedReader out) {
        void send(String command) throws IOException {
            process.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }

        void awaitLine(String expected) throws Exception {
            CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.equals(expected)) {
                            return line;
                        }
                    }
                    return null;
                } catch (IOException e) {
                    return null;
                }
            });
            assertThat(seen.get(60, TimeUnit.SECONDS)).as("the child JVM printed " + expected).isEqualTo(expected);
        }
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
