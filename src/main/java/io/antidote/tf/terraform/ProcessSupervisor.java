package io.antidote.tf.terraform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.StartedProcess;
import org.zeroturnaround.exec.stream.LogOutputStream;

/**
 * The one class that owns terraform child processes. It starts the binary through {@code setsid} so that it leads
 * its own process group, with exactly the given environment, hands every output line to a sink as it arrives, and
 * ends the run on exit, on timeout or on stall. Cancelling is two-phase: SIGINT to terraform, a bounded grace period,
 * then SIGKILL to the whole group (provider plugins and provisioner children included). After every run, whatever
 * is left in the group is killed, so nothing outlives the command.
 */
final class ProcessSupervisor {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessSupervisor.class);
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final long POLL_MILLIS = 100;

    /** How a run ended. */
    enum Ending { EXITED, TIMED_OUT, STALLED }

    /** Limits of one run. */
    record Limits(Duration timeout, Duration stall, Duration grace) {
    }

    /** The end of one run: the exit code (-1 if unknown), how it ended and how long it took. */
    record Outcome(int exitCode, Ending ending, Duration elapsed) {
    }

    /** Receives each output line as it arrives, on a pump thread. */
    interface LineSink {
        void line(boolean stderr, String line);
    }

    Outcome run(List<String> argv, Path dir, Map<String, String> env, Limits limits, LineSink sink,
            LongConsumer started) throws IOException, InterruptedException {
        AtomicLong lastLine = new AtomicLong(System.nanoTime());
        List<String> command = new ArrayList<>();
        boolean ownGroup = Files.isExecutable(SETSID);
        if (ownGroup) {
            command.add(SETSID.toString());
        }
        command.addAll(argv);
        ProcessExecutor executor = new ProcessExecutor().command(command).directory(dir.toFile())
                .redirectOutput(lines(false, sink, lastLine)).redirectError(lines(true, sink, lastLine))
                .destroyOnExit();
        System.getenv().keySet().stream().filter(k -> !env.containsKey(k)).forEach(k -> executor.environment(k, null));
        executor.environment(env);
        long start = System.nanoTime();
        StartedProcess started0 = executor.start();
        Process process = started0.getProcess();
        long pid = process.pid();
        ownGroup = ownGroup && leadsItsGroup(process);
        started.accept(pid);
        Ending ending = Ending.EXITED;
        try {
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                long now = System.nanoTime();
                if (now - start > limits.timeout().toNanos()) {
                    ending = Ending.TIMED_OUT;
                    break;
                }
                if (now - lastLine.get() > limits.stall().toNanos()) {
                    ending = Ending.STALLED;
                    break;
                }
            }
            if (ending != Ending.EXITED) {
                LOG.warn("terraform (pid {}) {}: interrupting it", pid, ending);
                cancel(process, ownGroup, limits.grace());
            }
        } catch (InterruptedException e) {
            cancel(process, ownGroup, limits.grace());
            throw e;
        } finally {
            reap(process, ownGroup, started0);
        }
        return new Outcome(process.exitValue(), ending, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Waits (briefly) until setsid has made the child the leader of its own group, or the child is gone. */
    private static boolean leadsItsGroup(Process process) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline) {
            long group = ProcessGroups.groupOf(process.pid());
            if (group == process.pid() || !process.isAlive()) {
                return true;
            }
            Thread.sleep(5);
        }
        LOG.warn("terraform (pid {}) does not lead its own process group: killing it and its descendants only",
                process.pid());
        return false;
    }

    /** Phase one: SIGINT; phase two, after {@code grace}: SIGKILL to the whole group. */
    private static void cancel(Process process, boolean ownGroup, Duration grace) throws InterruptedException {
        ProcessGroups.signal(process.pid(), "INT");
        if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
        }
        LOG.warn("terraform (pid {}) did not stop within {} s of SIGINT: killing its process group",
                process.pid(), grace.toSeconds());
        killAll(process, ownGroup);
        process.waitFor();
    }

    private static void killAll(Process process, boolean ownGroup) {
        List<ProcessHandle> descendants = process.descendants().toList();
        if (ownGroup) {
            ProcessGroups.killGroup(process.pid());
        }
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** Waits for the process and its output pumps; kills whatever is left in its group. */
    private static void reap(Process process, boolean ownGroup, StartedProcess started) {
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                killAll(process, ownGroup);
                process.waitFor();
            }
            if (ownGroup && !ProcessGroups.members(process.pid()).isEmpty()) {
                LOG.warn("terraform (pid {}) left processes in its group: killing them", process.pid());
                ProcessGroups.killGroup(process.pid());
            }
            started.getFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            killAll(process, ownGroup);
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("terraform (pid {}): output not fully read: {}", process.pid(), e.toString());
            if (ownGroup) {
                ProcessGroups.killGroup(process.pid());
            }
        }
    }

    private static LogOutputStream lines(boolean stderr, LineSink sink, AtomicLong lastLine) {
        return new LogOutputStream() {
            @Override
            protected void processLine(String line) {
                lastLine.set(System.nanoTime());
                try {
                    sink.line(stderr, line);
                } catch (RuntimeException e) {
                    LOG.warn("a terraform output listener failed: {}", e.toString());
                }
            }
        };
    }
}
