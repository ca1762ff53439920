package io.antidote.tf.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * One stack's working directory: the stack JSON ({@value #STACK_FILE}), the local state, plan files, and
 * {@code logs/} (redacted terraform output, one file per phase). Created by {@link Workspaces}, mode 0700.
 */
public record Workspace(StackId stack, Path dir) {
    public static final String STACK_FILE = "cdk.tf.json";
    public static final String STATE_FILE = "terraform.tfstate";
    /** Where {@code terraform init} installs providers and modules. */
    public static final String DATA_DIR = ".terraform";
    /** The dependency lock file {@code terraform init} writes. */
    public static final String LOCK_FILE = ".terraform.lock.hcl";

    public Path stackFile() {
        return dir.resolve(STACK_FILE);
    }

    public Path stateFile() {
        return dir.resolve(STATE_FILE);
    }

    public Path dataDir() {
        return dir.resolve(DATA_DIR);
    }

    public Path lockFile() {
        return dir.resolve(LOCK_FILE);
    }

    public Path logsDir() {
        return dir.resolve("logs");
    }

    /** Whether {@code terraform init} has run here. */
    public boolean initialized() {
        return Files.isDirectory(dataDir());
    }

    /** Writes the stack's Terraform JSON (replacing any earlier one). */
    public void writeStack(String terraformJson) {
        try {
            Files.writeString(stackFile(), terraformJson);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stackFile(), e);
        }
    }

    /** Marks the directory as in use now, so a sweep does not take it. */
    void touch() {
        try {
            Files.setLastModifiedTime(dir, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot touch " + dir, e);
        }
    }
}
