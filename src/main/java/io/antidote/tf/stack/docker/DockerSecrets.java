package io.antidote.tf.stack.docker;

import io.antidote.tf.AntidoteException;
import io.antidote.tf.lesson.Image;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;

/**
 * The docker target's store of configuration passwords, the counterpart of the SSM parameters an AWS lesson host
 * reads: {@code <dir>/<image>/configPassword}, directories 0700 and files 0600 from creation, written from the
 * curriculum's image metadata when the backend starts. Stacks name only the directory, never a password.
 */
public final class DockerSecrets {
    private DockerSecrets() {
    }

    public static void write(Path dir, Collection<Image> images) {
        try {
            createPrivateDirectories(dir);
            for (Image image : images) {
                if (image.configPassword().isEmpty()) {
                    continue;
                }
                Path imageDir = dir.resolve(image.slug());
                createPrivateDirectories(imageDir);
                Path tmp = Files.createTempFile(imageDir, ".configPassword", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(tmp, image.configPassword(), StandardCharsets.UTF_8);
                Files.move(tmp, imageDir.resolve("configPassword"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new AntidoteException("docker target: cannot write the configuration passwords under " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
}
