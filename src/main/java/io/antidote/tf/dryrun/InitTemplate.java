package io.antidote.tf.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.terraform.Workspace;
import io.antidote.tf.terraform.Workspaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * What {@code terraform init} made of one stack's working directory ({@code .terraform}, the dependency lock file),
 * kept so that every other stack of the dry run with the same provider requirements and no modules starts from a
 * copy instead of running {@code init} again: the provider installation of a stack without modules and with the
 * default local backend depends on its {@code required_providers} alone. The copy is cheap: with a plugin cache the
 * tree is directories and one symlink per provider; without one, provider binaries are hard-linked (copied only
 * across file systems). Stacks that differ (other providers, modules) run their own {@code init}.
 *
 * @param requirements the stack's {@code terraform.required_providers}, the key for reuse
 * @param dir where the captured {@code .terraform} tree is kept until the run ends
 * @param lockFile the content of {@code .terraform.lock.hcl}
 */
record InitTemplate(JsonNode requirements, Path dir, String lockFile) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The provider requirements of a stack whose initialization can be shared, or empty when it cannot (modules,
     * an explicit backend, or JSON that does not parse: such a stack runs its own init, which reports the problem).
     */
    static Optional<JsonNode> shareableRequirements(String stackJson) {
        try {
            JsonNode root = JSON.readTree(stackJson);
            if (root == null || root.has("module") || root.path("terraform").has("backend")) {
                return Optional.empty();
            }
            return Optional.of(root.path("terraform").path("required_providers"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Keeps what init made in {@code ws} (which has been initialized) under {@code dir}. */
    static InitTemplate capture(Workspace ws, JsonNode requirements, Path dir) throws IOException {
        if (!Files.isRegularFile(ws.lockFile()) || !ws.initialized()) {
            throw new IOException("terraform init left no " + Workspace.LOCK_FILE + " or " + Workspace.DATA_DIR
                    + " in " + ws.dir());
        }
        replicate(ws.dataDir(), dir.resolve(Workspace.DATA_DIR));
        return new InitTemplate(requirements, dir, Files.readString(ws.lockFile()));
    }

    boolean fits(JsonNode stackRequirements) {
        return requirements.equals(stackRequirements);
    }

    /** Makes {@code ws} initialized as the template's stack was. */
    void applyTo(Workspace ws) throws IOException {
        replicate(dir.resolve(Workspace.DATA_DIR), ws.dataDir());
        Files.writeString(ws.lockFile(), lockFile);
    }

    /** Recreates the tree {@code from} at {@code to}: directories made, symlinks copied, files hard-linked. */
    private static void replicate(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                if (attrs.isSymbolicLink()) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(file));
                } else {
                    link(file, target);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void link(Path file, Path target) throws IOException {
        try {
            Files.createLink(target, file);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(file, target, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** Removes the captured tree; a failure only leaves it to the removal of the run's work directory. */
    void discard() {
        try {
            Workspaces.deleteTree(dir);
        } catch (UncheckedIOException e) {
            // removed with the run's temporary work directory
        }
    }
}
