package io.antidote.tf.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.live.LiveSession;
import io.antidote.tf.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite file holds the images' passwords: it is created 0600 and the directories created for it 0700, given
 * their modes when they are made; SQLite's own WAL and shared-memory files take the database's mode.
 */
class StatePermissionsTest {
    @TempDir
    Path temp;

    @Test
    void aNewDatabaseAndTheDirectoriesMadeForItAreTheServiceUsersOnly() throws IOException {
        Path existing = Files.createDirectory(temp.resolve("srv"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path db = existing.resolve("state/antidote/antidote-tf.db");
        try (SqliteDataManager store = SqliteDataManager.open(db.toString())) {
            store.createLiveSession(new LiveSession("s1", "127.0.0.1", false, Instant.EPOCH));
            assertThat(TestFiles.mode(db)).isEqualTo("rw-------");
            for (String companion : new String[] {"-wal", "-shm"}) {
                Path file = db.resolveSibling(db.getFileName() + companion);
                if (Files.exists(file)) {
                    assertThat(TestFiles.mode(file)).as(companion).isEqualTo("rw-------");
                }
            }
        }
        assertThat(TestFiles.mode(existing.resolve("state"))).isEqualTo("rwx------");
        assertThat(TestFiles.mode(existing.resolve("state/antidote"))).isEqualTo("rwx------");
        assertThat(TestFiles.mode(existing)).as("an existing directory is left alone").isEqualTo("rwxr-xr-x");
    }

    @Test
    void anExistingDatabaseKeepsItsModeAndContent() throws IOException {
        Path db = temp.resolve("old.db");
        try (SqliteDataManager store = SqliteDataManager.open(db.toString())) {
            store.createLiveSession(new LiveSession("s1", "127.0.0.1", false, Instant.EPOCH));
        }
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r-----"));
        try (SqliteDataManager store = SqliteDataManager.open(db.toString())) {
            assertThat(store.getLiveSession("s1")).isPresent();
        }
        assertThat(TestFiles.mode(db)).isEqualTo("rw-r-----");
    }
}
