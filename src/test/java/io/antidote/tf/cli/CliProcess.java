package io.antidote.tf.cli;

import io.antidote.tf.testing.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code java -jar target/antidote-tf.jar ...} as a separate process (failsafe runs after {@code package}), its
 * stdout and stderr in files. Started through {@code env --default-signal=INT} so that SIGINT reaches the JVM even
 * when the test JVM was started with SIGINT ignored (as background jobs are).
 */
final class CliProcess implements AutoCloseable {
    final Process process;
    final Path stdout;
    final Path stderr;

    private CliProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static CliProcess start(Path dir, String name, String... args) throws IOException {
        Path jar = Requirements.path(Path.of("target", "antidote-tf.jar").toAbsolutePath(),
                "the packaged jar (mvn package)");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT", java.toString(), "-jar",
                jar.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new CliProcess(p, out, err);
    }

    /** Runs to completion (at most {@code timeout}) and returns the exit code. */
    static int run(Path dir, String name, Duration timeout, String... args) throws IOException, InterruptedException {
        try (CliProcess p = start(dir, name, args)) {
            if (!p.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " did not finish within " + timeout + ": " + p.err());
            }
            return p.process.exitValue();
        }
    }

    String out() throws IOException {
        return Files.readString(stdout);
    }

    String err() throws IOException {
        return Files.readString(stderr);
    }

    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -s " + name + " " + process.pid() + " failed");
        }
    }

    /** Waits until {@code condition} holds, at most {@code timeout}; fails with stderr if it never does. */
    void await(String what, Duration timeout, BooleanSupplier condition) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + " within " + timeout + "; stderr: " + err());
            }
            if (!process.isAlive() && !condition.getAsBoolean()) {
                throw new AssertionError("exited " + process.exitValue() + " before " + what + "; stderr: " + err());
            }
            Thread.sleep(100);
        }
    }

    boolean errContains(String text) {
        try {
            return Files.readString(stderr).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** Kills the process and its descendants if they are still running (a failed test must not leak them). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
