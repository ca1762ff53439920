package io.antidote.tf.terraform;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one class that owns terraform child processes. It starts the binary through {@code setsid} so that it leads
 * its own process group, with exactly the given environment and stdin at end of file, hands every output line to a
 * sink as it arrives ({@link OutputPump}), and ends the run on exit, on timeout or on stall. Cancelling is two-phase:
 * SIGINT to terraform, a bounded grace period, then SIGKILL to the whole group (provider plugins and provisioner
 * children included). After every run, whatever is left in the group is killed, so nothing outlives the command;
 * processes still running when this JVM exits are destroyed.
 */
final class ProcessSupervisor {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessSupervisor.class);
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final boolean OWN_GROUP = Files.isExecutable(SETSID);
    private static final File NO_INPUT = new File("/dev/null");
    private static final long POLL_MILLIS = 100;
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroy),
                "terraform-destroyer"));
    }

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
        List<String> command = new ArrayList<>(argv.size() + 1);
        if (OWN_GROUP) {
            command.add(SETSID.toString());
        }
        command.addAll(argv);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT));
        builder.environment().clear();
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        RUNNING.add(process);
        Future<?> out = OutputPump.start(process.getInputStream(), false, sink, lastLine);
        Future<?> err = OutputPump.start(process.getErrorStream(), true, sink, lastLine);
        long pid = process.pid();
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
                cancel(process, limits.grace());
            }
        } catch (InterruptedException e) {
            cancel(process, limits.grace());
            throw e;
        } finally {
            reap(process, out, err);
            RUNNING.remove(process);
        }
        return new Outcome(process.exitValue(), ending, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Whether the child leads its own process group: setsid makes it so right after the start, so this waits
     * (briefly) only when asked within that first moment. Asked only before signalling, never on the hot path.
     */
    private static boolean leadsItsGroup(Process process) throws InterruptedException {
        if (!OWN_GROUP) {
            return false;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (ProcessGroups.groupOf(process.pid()) == process.pid() || !process.isAlive()) {
                return true;
            }
            Thread.sleep(1);
        }
        LOG.warn("terraform (pid {}) does not lead its own process group: killing it and its descendants only",
                process.pid());
        return false;
    }

    /** Phase one: SIGINT; phase two, after {@code grace}: SIGKILL to the whole group. */
    private static void cancel(Process process, Duration grace) throws InterruptedException {
        boolean ownGroup = leadsItsGroup(process);
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

    /**
     * Waits for the process and its output pumps; kills whatever is left in its group. A group with the child's
     * pid as its id can only be the one setsid made, so the scan is safe even when the child is long gone.
     */
    private static void reap(Process process, Future<?> out, Future<?> err) {
        long pid = process.pid();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                killAll(process, leadsItsGroup(process));
                process.waitFor();
            }
            if (OWN_GROUP && !ProcessGroups.members(pid).isEmpty()) {
                LOG.warn("terraform (pid {}) left processes in its group: killing them", pid);
                ProcessGroups.killGroup(pid);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            out.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            err.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            killAll(process, OWN_GROUP);
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("terraform (pid {}): output not fully read: {}", pid, e.toString());
            if (OWN_GROUP) {
                ProcessGroups.killGroup(pid);
            }
        }
    }
}
