package io.antidote.tf.terraform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one class that owns child processes. It starts a command with exactly the given environment (every inherited
 * variable removed), stdin at end of file, and stdout and stderr written to files in its directory that are read back
 * as they grow ({@link OutputTail}) and cut into lines ({@link LineStream}); it ends the run on exit, on timeout or on
 * stall. The command is started through {@code setsid}, so that it leads its own process group (a cancel reaches
 * provider plugins and provisioner children too), and {@code env --default-signal=INT}: a JVM started as a background
 * job of a non-interactive shell inherits SIGINT ignored, an ignored signal stays ignored across exec, and a shell
 * cannot even trap a signal ignored on entry, so without the reset a provisioner's shell would never see the cancel's
 * SIGINT ({@link LaunchChain}). Output goes to files, not pipes: when this JVM dies (even by SIGKILL), terraform is not
 * killed by its next line (Go exits on a write to a broken stdout), so it finishes its command and saves its state;
 * whoever takes the stack over next stops it if it must ({@link #stopStrays}).
 *
 * <p>Cancelling is two-phase: SIGINT to the child, a bounded grace period, then SIGKILL to the whole group. After
 * every run, whatever is left in the group is killed, so nothing outlives the command. Terraform gets one SIGINT at
 * most (a second interrupt makes it exit without saving its state): processes still running when this JVM exits get
 * theirs from the shutdown hook, unless a cancel already sent it.
 */
final class ProcessSupervisor {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessSupervisor.class);
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final boolean OWN_GROUP = Files.isExecutable(SETSID);
    private static final long POLL_MILLIS = 100;
    private static final AtomicLong RUN_NUMBER = new AtomicLong();
    /** The running processes, each with whether it has had its SIGINT. */
    private static final Map<Process, AtomicBoolean> RUNNING = new ConcurrentHashMap<>();
    /** What every command is started through (see the class comment). */
    private static final List<String> PREFIX = LaunchChain.probe(OWN_GROUP ? SETSID : null);

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

    /** Receives each output line as it arrives, on the output reader's thread. */
    interface LineSink {
        void line(boolean stderr, String line);
    }

    /** The tools every command is started through, in order (for tests and the documentation). */
    static List<String> launchPrefix() {
        return PREFIX;
    }

    Outcome run(List<String> argv, Path dir, Map<String, String> env, Limits limits, LineSink sink,
            LongConsumer started) throws IOException, InterruptedException {
        AtomicLong lastLine = new AtomicLong(System.nanoTime());
        List<String> command = new ArrayList<>(PREFIX.size() + argv.size());
        command.addAll(PREFIX);
        command.addAll(argv);
        LineStream out = new LineStream(false, sink, lastLine);
        LineStream err = new LineStream(true, sink, lastLine);
        try (OutputTail tail = OutputTail.create(dir, ProcessHandle.current().pid() + "-"
                + RUN_NUMBER.incrementAndGet(), out, err)) {
            long start = System.nanoTime();
            Process process = launch(command, dir, env, tail);
            RUNNING.put(process, new AtomicBoolean());
            long pid = process.pid();
            tail.start("child-output-" + pid);
            Ending ending = Ending.EXITED;
            try {
                started.accept(pid);
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
                    LOG.warn("child process (pid {}) {}: interrupting it", pid, ending);
                    cancel(process, limits.grace());
                }
            } catch (InterruptedException e) {
                cancel(process, limits.grace());
                throw e;
            } finally {
                reap(process, tail);
                RUNNING.remove(process);
            }
            return new Outcome(process.exitValue(), ending, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /**
     * Starts the process. The JVM's message for a process that cannot start names the program, the directory and the
     * errno, never the environment (which holds credentials); it is rethrown without its cause chain all the same.
     */
    private static Process launch(List<String> command, Path dir, Map<String, String> env, OutputTail tail)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(tail.stdout().toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(tail.stderr().toFile()));
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            return builder.start();
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
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
     * Stops what a process that died left running in {@code dir}: each group leader named {@code comm} (a terraform
     * it started) gets one SIGINT, up to {@code grace} to stop, then SIGKILL to its group. Returns how many it found.
     */
    static int stopStrays(Path dir, String comm, Duration grace) throws InterruptedException {
        List<Long> strays = ProcessGroups.leadersIn(dir.toAbsolutePath().normalize(), comm);
        for (long pid : strays) {
            LOG.warn("a {} (pid {}) left by a process that died still runs in {}: interrupting it", comm, pid, dir);
            ProcessGroups.signal(pid, "INT");
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (long pid : strays) {
            java.util.Optional<ProcessHandle> p = ProcessHandle.of(pid);
            while (p.isPresent() && p.get().isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            if (!ProcessGroups.members(pid).isEmpty()) {
                LOG.warn("{} (pid {}) did not stop within {} s of SIGINT: killing its process group", comm, pid,
                        grace.toSeconds());
                ProcessGroups.killGroup(pid);
            }
        }
        return strays.size();
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
     * Waits for the process; kills whatever is left in its group (a group with the child's pid as its id can only be
     * the one setsid made, so the scan is safe even when the child is long gone); then reads the rest of its output.
     */
    private static void reap(Process process, OutputTail tail) {
        long pid = process.pid();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                killAll(process, leadsItsGroup(process));
                process.waitFor();
            }
            if (OWN_GROUP && !ProcessGroups.members(pid).isEmpty()) {
                LOG.warn("child process (pid {}) left processes in its group: killing them", pid);
                ProcessGroups.killGroup(pid);
            }
        } catch (InterruptedException e) {
            killAll(process, OWN_GROUP);
            Thread.currentThread().interrupt();
        }
        tail.finish(10_000);
    }
}
