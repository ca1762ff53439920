package io.antidote.tf.terraform;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the configured terraform binary the way the child's PATH would, so a missing one fails clearly. */
final class Binaries {
    private Binaries() {
    }

    static Path resolve(String binary, String path) {
        if (binary.contains(File.separator)) {
            Path p = Path.of(binary).toAbsolutePath();
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
            throw new TerraformMissingException(binary, "(no executable file at " + p + ")");
        }
        String dirs = path == null ? "" : path;
        for (String dir : dirs.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, binary);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new TerraformMissingException(binary, "on PATH (" + dirs + ")");
    }
}
