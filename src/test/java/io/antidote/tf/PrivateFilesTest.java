package io.antidote.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antidote.tf.testing.TestFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directories 0700 and files 0600 from their creation; what exists already is not touched. */
class PrivateFilesTest {
    @TempDir
    Path temp;

    @Test
    void everyMissingDirectoryIsCreated0700AndExistingOnesKeepTheirMode() throws IOException {
        Path open = Files.createDirectory(temp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path deep = PrivateFiles.createDirectories(open.resolve("a/b/../c/d"));
        assertThat(deep).isEqualTo(open.resolve("a/c/d"));
        for (Path dir : new Path[] {open.resolve("a"), open.resolve("a/c"), deep}) {
            assertThat(TestFiles.mode(dir)).as(dir.toString()).isEqualTo("rwx------");
        }
        assertThat(TestFiles.mode(open)).isEqualTo("rwxr-xr-x");
        assertThat(PrivateFiles.createDirectories(deep)).as("again: nothing to do").isEqualTo(deep);
    }

    @Test
    void aFileIsCreated0600OnceAndAFileInTheWayOfADirectoryIsAnError() throws IOException {
        Path file = temp.resolve("db");
        assertThat(PrivateFiles.createFile(file)).isTrue();
        assertThat(TestFiles.mode(file)).isEqualTo("rw-------");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(PrivateFiles.createFile(file)).isFalse();
        assertThat(TestFiles.mode(file)).isEqualTo("rw-r-----");
        assertThatThrownBy(() -> PrivateFiles.createDirectories(file.resolve("x")))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> PrivateFiles.createDirectories(file)).isInstanceOf(FileAlreadyExistsException.class);
    }
}
