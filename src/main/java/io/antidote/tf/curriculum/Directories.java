package io.antidote.tf.curriculum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Listing a curriculum's subdirectories, in name order, and keeping them inside the curriculum. */
final class Directories {
    private Directories() {
    }

    /** The directories directly under {@code dir} (none when it does not exist), sorted by name. */
    static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Whether {@code dir}, after following links, is inside {@code root}; if not, reports it. */
    static boolean staysInside(Path root, Path dir, FileProblems problems) {
        try {
            Path real = dir.toRealPath();
            if (real.startsWith(root.toRealPath())) {
                return true;
            }
            problems.add("", "is a link to " + real + ", outside the curriculum directory");
        } catch (IOException e) {
            problems.add("", "cannot be resolved: " + e.getMessage());
        }
        return false;
    }
}
