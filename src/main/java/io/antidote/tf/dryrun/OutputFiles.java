package io.antidote.tf.dryrun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Report files written whole or not at all (a temporary file beside the target, then an atomic rename). */
public final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * Fails early, before a long run, when {@code file} could not be written: its directory is missing or not
     * writable, or it is a directory.
     */
    public static void checkWritable(Path file, String what) {
        Path target = file.toAbsolutePath().normalize();
        Path dir = target.getParent();
        if (Files.isDirectory(target)) {
            throw new DryRunException(what + " " + file + " is a directory", false);
        }
        if (!Files.isDirectory(dir)) {
            throw new DryRunException("cannot write " + what + " " + file + ": " + dir + " does not exist", false);
        }
        if (!Files.isWritable(dir)) {
            throw new DryRunException("cannot write " + what + " " + file + ": " + dir + " is not writable", false);
        }
    }

    /** Writes {@code text} to {@code file}, replacing it atomically. */
    public static void write(Path file, String text, String what) {
        Path target = file.toAbsolutePath().normalize();
        Path temp = null;
        try {
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AccessDeniedException | NoSuchFileException e) {
            throw new DryRunException("cannot write " + what + " " + file + ": " + target.getParent()
                    + (e instanceof AccessDeniedException ? " is not writable" : " does not exist"), false, e);
        } catch (IOException e) {
            throw new DryRunException("cannot write " + what + " " + file + ": " + describe(e), false, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // moved already, or never created
                }
            }
        }
    }

    /** An I/O failure in words, without the exception's class name. */
    static String describe(java.io.IOException e) {
        if (e instanceof java.nio.file.FileSystemException f) {
            String reason = f instanceof AccessDeniedException ? "permission denied"
                    : f instanceof NoSuchFileException ? "does not exist"
                    : f instanceof java.nio.file.FileAlreadyExistsException ? "is in the way (a file, not a directory)"
                    : f.getReason() != null ? f.getReason() : "failed";
            return f.getFile() + ": " + reason;
        }
        return String.valueOf(e.getMessage());
    }

    /** Deletes {@code dir} and everything in it; best effort. */
    public static void deleteTree(Path dir) {
        CdktfOutput.delete(dir);
    }
}
