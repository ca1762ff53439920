package io.antidote.tf.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antidote.tf.live.LiveLessonStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store on a file passes the contract, shares state between instances, and keeps its schema versioned. */
class SqliteDataManagerTest extends DataManagerContract {
    @TempDir
    Path dir;
    private final List<SqliteDataManager> opened = new ArrayList<>();

    @Override
    protected DataManager newDataManager() {
        return openAt(dir.resolve("state/antidote.db"));
    }

    private SqliteDataManager openAt(Path file) {
        SqliteDataManager db = SqliteDataManager.open(file.toString());
        opened.add(db);
        return db;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(SqliteDataManager::close);
    }

    @Test
    void twoInstancesOnOneFileLoseNoUpdates() throws Exception {
        SqliteDataManager other = openAt(dir.resolve("state/antidote.db"));
        LostUpdates.check(List.of(db, other));
    }

    @Test
    void stateOutlivesTheInstance() {
        Path file = dir.resolve("reopen.db");
        SqliteDataManager first = openAt(file);
        first.createLiveLesson(Fixtures.liveLesson("persisted", "s"));
        first.updateLiveLessonStatus("persisted", LiveLessonStatus.READY);
        first.close();
        SqliteDataManager second = openAt(file);
        assertThat(second.getLiveLesson("persisted"))
                .contains(Fixtures.liveLesson("persisted", "s").withStatus(LiveLessonStatus.READY));
    }

    @Test
    void schemaIsVersionedAndTheFileIsInWalMode() throws Exception {
        Path file = dir.resolve("v.db");
        openAt(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                assertThat(rs.getInt(1)).isEqualTo(SqliteStore.SCHEMA_VERSION);
            }
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
            }
        }
    }

    @Test
    void aNewerSchemaIsRefused() throws Exception {
        Path file = dir.resolve("newer.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        assertThatThrownBy(() -> openAt(file)).isInstanceOf(StateException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("schema version 99");
    }

    @Test
    void anUnopenableLocationIsAStateException() throws Exception {
        Path notADir = java.nio.file.Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> openAt(notADir.resolve("db.sqlite"))).isInstanceOf(StateException.class)
                .hasMessageContaining("cannot open");
    }

    /** The same contract on an in-memory database. */
    @Nested
    class InMemoryDatabase extends DataManagerContract {
        @Override
        protected DataManager newDataManager() {
            return openAt(Path.of(":memory:"));
        }
    }
}
