package io.antidote.tf.terraform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Signals and process-group queries, for {@link ProcessSupervisor} (Java has no API to send SIGINT or to signal a
 * group, so these run {@code kill}; group membership is read from {@code /proc}).
 */
final class ProcessGroups {
    private ProcessGroups() {
    }

    /** Sends {@code SIG<signal>} to one process. */
    static void signal(long pid, String signal) {
        exec("kill", "-s", signal, Long.toString(pid));
    }

    /** Sends SIGKILL to every process of group {@code pgid}. */
    static void killGroup(long pgid) {
        if (pgid > 1) {
            exec("kill", "-s", "KILL", "--", "-" + pgid);
        }
    }

    /** The process group of {@code pid}, or -1 when it is gone. */
    static long groupOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(after[2]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The live (not zombie) processes of group {@code pgid}. */
    static List<Long> members(long pgid) {
        List<Long> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).filter(pid -> groupOf(pid) == pgid && !zombie(pid)).forEach(found::add);
        } catch (IOException e) {
            return List.of();
        }
        return found;
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    private static void exec(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            throw new TerraformException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
