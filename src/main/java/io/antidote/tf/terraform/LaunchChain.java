package io.antidote.tf.terraform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standard tools {@link ProcessSupervisor} starts every child through, each exec'ing the next: {@code setsid}
 * (own process group) and {@code env --default-signal=INT} (SIGINT back to its default, even when this JVM inherited
 * it ignored). {@code env} is tried once with {@code /bin/true} when the class loads; if it is too old it is left out,
 * with a warning.
 */
final class LaunchChain {
    private static final Logger LOG = LoggerFactory.getLogger(LaunchChain.class);
    private static final Path ENV = Path.of("/usr/bin/env");

    private LaunchChain() {
    }

    /** The prefix: {@code setsid} when given, then each tool that works here. */
    static List<String> probe(Path setsid) {
        List<String> prefix = new ArrayList<>();
        if (setsid != null) {
            prefix.add(setsid.toString());
        }
        List<String> reset = List.of(ENV.toString(), "--default-signal=INT");
        if (works(reset)) {
            prefix.addAll(reset);
        } else {
            LOG.warn("{} --default-signal is not available (coreutils 8.31 or later has it): a child started while "
                    + "this JVM ignores SIGINT may not stop on cancel until its grace period ends", ENV);
        }
        return List.copyOf(prefix);
    }

    private static boolean works(List<String> tool) {
        if (!Files.isExecutable(Path.of(tool.get(0)))) {
            return false;
        }
        List<String> command = new ArrayList<>(tool);
        command.add("/bin/true");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
