package io.antidote.tf.terraform;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Signals and process-group queries, for {@link ProcessSupervisor} (Java has no API to send SIGINT or to signal a
 * group, so these run {@code kill}; group membership is read from {@code /proc}).
 */
final class ProcessGroups {
    private static final Path PROC = Path.of("/proc");
    /** Enough of {@code /proc/<pid>/stat} to reach the group (the command name is at most 64 bytes). */
    private static final int STAT_HEAD = 256;

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
        return stat(Long.toString(pid), new byte[STAT_HEAD], false);
    }

    /**
     * The live (not zombie) processes of group {@code pgid}. Runs after every terraform command, so it reads each
     * {@code /proc/<pid>/stat} once, only its head, into one reused buffer.
     */
    static List<Long> members(long pgid) {
        List<Long> found = new ArrayList<>();
        byte[] buffer = new byte[STAT_HEAD];
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(PROC)) {
            for (Path p : procs) {
                String name = p.getFileName().toString();
                if (isNumber(name) && stat(name, buffer, true) == pgid) {
                    found.add(Long.parseLong(name));
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            return List.of();
        }
        return found;
    }

    /**
     * The group of process {@code pid} from the head of its {@code stat} ({@code pid (comm) state ppid pgrp ...});
     * -1 when it is gone, or, with {@code liveOnly}, a zombie.
     */
    private static long stat(String pid, byte[] buffer, boolean liveOnly) {
        int n;
        try (FileInputStream in = new FileInputStream("/proc/" + pid + "/stat")) {
            n = in.read(buffer);
        } catch (IOException e) {
            return -1;
        }
        int i = n - 1;
        while (i >= 0 && buffer[i] != ')') {
            i--;
        }
        i += 2;
        if (i <= 1 || i >= n || liveOnly && buffer[i] == 'Z') {
            return -1;
        }
        i += 2;
        while (i < n && buffer[i] != ' ') {
            i++;
        }
        long group = 0;
        for (i++; i < n && buffer[i] >= '0' && buffer[i] <= '9'; i++) {
            group = group * 10 + buffer[i] - '0';
        }
        return i < n && buffer[i] == ' ' ? group : -1;
    }

    /**
     * The processes that lead their own group, run in {@code dir} and are named {@code comm} (as the kernel
     * truncates names: 15 characters): a terraform started by a process that has died. Processes of other users are
     * not readable and not listed.
     */
    static List<Long> leadersIn(Path dir, String comm) {
        String name = comm.length() > 15 ? comm.substring(0, 15) : comm;
        List<Long> found = new ArrayList<>();
        byte[] buffer = new byte[STAT_HEAD];
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(PROC)) {
            for (Path p : procs) {
                String pid = p.getFileName().toString();
                if (!isNumber(pid) || stat(pid, buffer, true) != Long.parseLong(pid)) {
                    continue;
                }
                try {
                    if (Files.readSymbolicLink(p.resolve("cwd")).equals(dir)
                            && Files.readString(p.resolve("comm")).strip().equals(name)) {
                        found.add(Long.parseLong(pid));
                    }
                } catch (IOException | SecurityException e) {
                    // gone, or another user's
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            return List.of();
        }
        return found;
    }

    private static boolean isNumber(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return false;
            }
        }
        return !name.isEmpty();
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
