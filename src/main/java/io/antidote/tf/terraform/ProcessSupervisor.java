package io.antidote.tf.terraform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeroturnaround.exec.MessageLoggers;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.StartedProcess;

/**
 * The one class that owns terraform child processes. It starts the binary with zt-exec, through {@code setsid} so
 * that it leads its own process group, with exactly the given environment (every inherited variable removed) and
 * stdin closed, has zt-exec's pump threads hand every output line to a sink as it arrives ({@link LineStream}), and
 * ends the run on exit, on timeout or on stall. Cancelling is two-phase:
 * SIGINT to terraform, a bounded grace period, then SIGKILL to the whole group (provider plugins and provisioner
 * children included). After every run, whatever is left in the group is killed, so nothing outlives the command.
 * Terraform gets one SIGINT at most (a second interrupt makes it exit without saving its state): processes still
 * running when this JVM exits get theirs from the shutdown hook, unless a cancel already sent it.
 */
final class ProcessSupervisor {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessSupervisor.class);
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final boolean OWN_GROUP = Files.isExecutable(SETSID);
    private static final long POLL_MILLIS = 100;
    /** The running processes, each with whether it has had its SIGINT. */
    private static final Map<Process, AtomicBoolean> RUNNING = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessSupervisor::interruptAllRunning,
                "terraform-interrupter"));
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
        LineStream out = new LineStream(false, sink, lastLine);
        LineStream err = new LineStream(true, sink, lastLine);
        long start = System.nanoTime();
        StartedProcess launched = launch(new ProcessExecutor().command(command).directory(dir.toFile())
                .environment(exactly(env)).redirectOutput(out).redirectError(err).exitValueAny()
                .setMessageLogger(MessageLoggers.NOP));
        Process process = launched.getProcess();
        RUNNING.put(process, new AtomicBoolean());
        Future<?> pumped = launched.getFuture();
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
            reap(process, pumped);
            out.close();
            err.close();
            RUNNING.remove(process);
        }
        return new Outcome(process.exitValue(), ending, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Starts the process. zt-exec's own message for a process that cannot start lists the environment, which holds
     * credentials: it is replaced by the JVM's (program name and errno only), with no cause chain to carry it on.
     */
    private static StartedProcess launch(ProcessExecutor executor) throws IOException {
        try {
            return executor.start();
        } catch (IOException | IllegalArgumentException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new IOException(root == e ? e.getClass().getSimpleName() : root.getMessage());
        }
    }

    /**
     * zt-exec adds to the environment the JVM inherited and removes a variable given as null: so every inherited
     * variable that is not in {@code env} is given as null, and the child sees {@code env} and nothing else.
     */
    private static Map<String, String> exactly(Map<String, String> env) {
        Map<String, String> exact = new LinkedHashMap<>();
        System.getenv().keySet().forEach(name -> {
            if (!env.containsKey(name)) {
                exact.put(name, null);
            }
        });
        exact.putAll(env);
        return exact;
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

    /**
     * What the JVM's shutdown hook does: one SIGINT to every terraform still running, so that each stops gracefully
     * (saving its state) even when this JVM exits before its run is cancelled.
     */
    static void interruptAllRunning() {
        RUNNING.keySet().forEach(ProcessSupervisor::interruptOnce);
    }

    /**
     * SIGINT, once per process: terraform takes a second interrupt (SIGINT or SIGTERM) as "exit immediately", without
     * saving its state, so a shutdown hook and a cancel racing each other must not both signal it.
     */
    private static void interruptOnce(Process process) {
        AtomicBoolean sent = RUNNING.get(process);
        if (sent == null || sent.compareAndSet(false, true)) {
            ProcessGroups.signal(process.pid(), "INT");
        }
    }

    /** Phase one: SIGINT (unless already sent); phase two, after {@code grace}: SIGKILL to the whole group. */
    private static void cancel(Process process, Duration grace) throws InterruptedException {
        boolean ownGroup = leadsItsGroup(process);
        interruptOnce(process);
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
     * Waits for the process and for zt-exec to finish pumping its output; kills whatever is left in its group. A group with the child's
     * pid as its id can only be the one setsid made, so the scan is safe even when the child is long gone.
     */
    private static void reap(Process process, Future<?> pumped) {
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
            pumped.get(10, TimeUnit.SECONDS);
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
