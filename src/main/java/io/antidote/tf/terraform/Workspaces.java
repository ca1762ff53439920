package io.antidote.tf.terraform;

import io.antidote.tf.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The stack directories under {@code runner.workDir}: {@code <workDir>/<instanceId>/<liveLessonId>}, every level
 * mode 0700. Opens, lists, removes and sweeps them.
 */
public final class Workspaces {
    private final Path root;

    public Workspaces(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The stack's directory, created (0700) if absent. */
    public Workspace open(StackId stack) {
        Path dir = root.resolve(stack.instanceId()).resolve(stack.liveLessonId());
        createPrivate(root);
        createPrivate(dir.getParent());
        createPrivate(dir);
        createPrivate(dir.resolve("logs"));
        return new Workspace(stack, dir);
    }

    /** Every stack directory of {@code instanceId}. */
    public List<Workspace> list(String instanceId) {
        Path instanceDir = root.resolve(instanceId);
        if (!Files.isDirectory(instanceDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(instanceDir)) {
            return dirs.filter(Files::isDirectory).sorted()
                    .map(d -> new Workspace(new StackId(instanceId, d.getFileName().toString()), d)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + instanceDir, e);
        }
    }

    /** Deletes the stack's directory and everything in it; removing an absent one is fine. */
    public void remove(Workspace workspace) {
        deleteTree(workspace.dir());
        Path instanceDir = workspace.dir().getParent();
        try (Stream<Path> left = Files.list(instanceDir)) {
            if (left.findAny().isEmpty()) {
                Files.deleteIfExists(instanceDir);
            }
        } catch (IOException e) {
            // another stack appeared or the directory is already gone: nothing to do
        }
    }

    /** Removes the directories of {@code instanceId} not used for {@code maxAge}; returns the ones removed. */
    public List<StackId> sweep(String instanceId, Duration maxAge, Instant now) {
        List<StackId> removed = new ArrayList<>();
        for (Workspace w : list(instanceId)) {
            try {
                Instant used = Files.getLastModifiedTime(w.dir()).toInstant();
                if (used.plus(maxAge).isBefore(now)) {
                    remove(w);
                    removed.add(w.stack());
                }
            } catch (IOException e) {
                // vanished while sweeping
            }
        }
        return removed;
    }

    /** {@code dir} created 0700 (its missing parents too); an existing one is made 0700. */
    static void createPrivate(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                PrivateFiles.createDirectories(dir);
            } else if (Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(dir, PrivateFiles.DIRECTORY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** Deletes {@code dir} and everything in it, symlinks as links (never what they point to); absent is fine. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

}
