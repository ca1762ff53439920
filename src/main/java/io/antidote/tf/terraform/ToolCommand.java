package io.antidote.tf.terraform;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A short command other than terraform (such as {@code docker logs} for a failure's evidence), run by the one owner
 * of child processes ({@link ProcessSupervisor}) in its own group, with a bounded time and a basic environment
 * ({@code PATH}, {@code HOME}, and {@code DOCKER_HOST}/{@code DOCKER_CONFIG} when this process has them). Its output,
 * both streams interleaved, keeps the last {@code maxLines} lines.
 */
public final class ToolCommand {
    private static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** How it ended: the exit code (-1 when it was stopped) and its last lines. */
    public record Result(int exitCode, List<String> lines) {
        public Result {
            lines = List.copyOf(lines);
        }

        public String text() {
            return String.join("\n", lines);
        }
    }

    private ToolCommand() {
    }

    /** Runs {@code argv} in {@code dir}, at most {@code timeout}; never throws for a failing command. */
    public static Result run(List<String> argv, Path dir, Duration timeout, int maxLines) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", PATH);
        for (String name : List.of("HOME", "DOCKER_HOST", "DOCKER_CONFIG")) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        List<String> kept = Collections.synchronizedList(new ArrayList<>());
        try {
            ProcessSupervisor.Outcome outcome = new ProcessSupervisor().run(argv, dir, env,
                    new ProcessSupervisor.Limits(timeout, timeout, Duration.ofSeconds(2)), (stderr, line) -> {
                        synchronized (kept) {
                            kept.add(line);
                            if (kept.size() > maxLines) {
                                kept.remove(0);
                            }
                        }
                    }, pid -> { });
            return new Result(outcome.ending() == ProcessSupervisor.Ending.EXITED ? outcome.exitCode() : -1, kept);
        } catch (IOException e) {
            return new Result(-1, List.of("could not run " + argv.get(0) + ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, List.of("interrupted"));
        }
    }
}
