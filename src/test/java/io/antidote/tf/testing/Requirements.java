package io.antidote.tf.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a test needs from the machine. Outside CI a missing tool skips the test; with {@code CI=true} it fails it,
 * so CI can never pass by skipping.
 */
public final class Requirements {
    private Requirements() {
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The executable {@code name} found on PATH (or at an absolute path); skips or fails the test when absent. */
    public static Path tool(String name) {
        Optional<Path> found = which(name);
        require(found.isPresent(), name + " is not on PATH (run bin/setup)");
        return found.orElseThrow();
    }

    /** A file or directory the test needs, such as the shared curriculum; skips or fails the test when absent. */
    public static Path path(Path p, String what) {
        require(Files.exists(p), what + " not found at " + p.toAbsolutePath());
        return p;
    }

    /** The value of the environment variable {@code name}; skips or fails the test when it is unset or empty. */
    public static String env(String name, String why) {
        String value = System.getenv(name);
        require(value != null && !value.isEmpty(), name + " is not set (" + why + ")");
        return value;
    }

    /**
     * The shared NRE Labs curriculum, beside the project ({@code ../shared/curriculum/nrelabs}) or at its place on the
     * team's machines; skips or fails the test when it is at neither.
     */
    public static Path sharedCurriculum() {
        Path beside = Path.of("..", "shared", "curriculum", "nrelabs");
        return path(Files.isDirectory(beside) ? beside : Path.of("/work/shared/curriculum/nrelabs"),
                "the shared NRE Labs curriculum");
    }

    public static void require(boolean condition, String reason) {
        if (!condition) {
            if (inCi()) {
                fail("required for this test in CI: " + reason);
            }
            assumeTrue(false, reason);
        }
    }

    public static Optional<Path> which(String name) {
        if (name.contains(File.separator)) {
            Path p = Path.of(name);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        for (String dir : new String[] {"/usr/sbin", "/sbin"}) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
