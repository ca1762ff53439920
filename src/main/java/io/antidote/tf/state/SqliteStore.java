package io.antidote.tf.state;

import io.antidote.tf.PrivateFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite side of {@link SqliteDataManager}: tables of {@code (key, json)}, and transactions. Writes go through
 * one connection, serialized by a lock (a JDBC connection is not for concurrent use); writes that read first run
 * under {@code BEGIN IMMEDIATE}, which serializes them against every other connection and process. Reads of a file
 * database go through a small pool of read-only connections ({@link ReadConnections}): in WAL mode readers never wait
 * for the writer nor for each other, so the API's reads (hundreds a second) do not queue behind one connection. An
 * in-memory database has one connection for everything.
 */
final class SqliteStore implements AutoCloseable {
    /** The schema this code writes, kept in {@code PRAGMA user_version}. */
    static final int SCHEMA_VERSION = 2;
    static final int BUSY_TIMEOUT_MILLIS = 30_000;
    static final String CURRICULUM_KEY = "curriculum";

    /** The tables; every one holds {@code key TEXT PRIMARY KEY, json TEXT}. */
    enum Table {
        LESSONS("lessons"), IMAGES("images"), COLLECTIONS("collections"), CURRICULUM("curriculum"),
        LIVE_LESSONS("livelessons"), LIVE_SESSIONS("livesessions"),
        /** {@link Ledger}: which process runs an operation on which livelesson (since schema 2) */
        CLAIMS("claims"),
        /** {@link Ledger}: when each owning process last said it is alive */
        OWNERS("owners"),
        /** {@link Ledger}: DELETEs requested and not finished */
        DELETIONS("deletions"),
        /** {@link Ledger}: stacks to destroy, when, and how the tries went */
        DESTROYS("destroys");

        final String sqlName;

        Table(String sqlName) {
            this.sqlName = sqlName;
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final String location;
    private final Connection connection;
    private final Object lock = new Object();
    private ReadConnections readers;

    private SqliteStore(String location, Connection connection) {
        this.location = location;
        this.connection = connection;
    }

    static SqliteStore open(String location) {
        try {
            if (!location.equals(":memory:")) {
                Path file = Path.of(location).toAbsolutePath();
                if (file.getParent() != null) {
                    PrivateFiles.createDirectories(file.getParent());
                }
                PrivateFiles.createFile(file);
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            SqliteStore store = new SqliteStore(location, config.createConnection("jdbc:sqlite:" + location));
            try {
                store.migrate();
                if (!location.equals(":memory:")) {
                    store.readers = ReadConnections.open(location, BUSY_TIMEOUT_MILLIS);
                }
            } catch (RuntimeException | SQLException e) {
                store.close();
                throw e;
            }
            return store;
        } catch (SQLException | IOException e) {
            throw new StateException("sqlite " + location + ": cannot open: " + e.getMessage(), e);
        }
    }

    private void migrate() {
        immediate("create the schema", c -> {
            int version = userVersion(c);
            if (version > SCHEMA_VERSION) {
                throw new StateException("sqlite " + location + ": schema version " + version
                        + " was written by a newer antidote-tf (this one knows up to " + SCHEMA_VERSION + ")");
            }
            try (Statement s = c.createStatement()) {
                for (Table t : Table.values()) {
                    s.execute("CREATE TABLE IF NOT EXISTS " + t.sqlName + " (key TEXT PRIMARY KEY, json TEXT NOT NULL)");
                }
                s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            }
            return null;
        });
    }

    int schemaVersion() {
        return plain("read the schema version", SqliteStore::userVersion);
    }

    private static int userVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    <T> void putAll(Table table, List<T> values, Function<T, String> key) {
        immediate("write " + table.sqlName, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table.sqlName
                    + " (key, json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET json = excluded.json")) {
                for (T value : values) {
                    ps.setString(1, key.apply(value));
                    ps.setString(2, Json.write(value));
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Inserts {@code value} under {@code key}; false when the key is already there. */
    boolean insertNew(Table table, String key, Object value) {
        String json = Json.write(value);
        return plain("insert into " + table.sqlName, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO " + table.sqlName + " (key, json) VALUES (?, ?)")) {
                ps.setString(1, key);
                ps.setString(2, json);
                return ps.executeUpdate() == 1;
            }
        });
    }

    <T> List<T> list(Table table, Class<T> type) {
        List<String> rows = read("list " + table.sqlName, c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT json FROM " + table.sqlName + " ORDER BY key")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
        return rows.stream().map(json -> Json.read(json, type)).toList();
    }

    <T> Optional<T> get(Table table, String key, Class<T> type) {
        return read("read " + table.sqlName, c -> read(c, table, key)).map(json -> Json.read(json, type));
    }

    void delete(Table table, String key) {
        plain("delete from " + table.sqlName, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table.sqlName + " WHERE key = ?")) {
                ps.setString(1, key);
                return ps.executeUpdate();
            }
        });
    }

    /** Replaces the value under {@code key} by {@code change} of it, atomically; false when there is none. */
    <T> boolean update(Table table, String key, Class<T> type, UnaryOperator<T> change) {
        return immediate("update " + table.sqlName, c -> {
            Optional<String> current = read(c, table, key);
            if (current.isEmpty()) {
                return false;
            }
            String json = Json.write(change.apply(Json.read(current.get(), type)));
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table.sqlName + " SET json = ? WHERE key = ?")) {
                ps.setString(1, json);
                ps.setString(2, key);
                ps.executeUpdate();
            }
            return true;
        });
    }

    /**
     * Replaces the value under {@code key} by what {@code change} makes of it (empty: none, which deletes it),
     * atomically against every other connection and process; returns the value it had before.
     */
    <T> Optional<T> replace(Table table, String key, Class<T> type, UnaryOperator<Optional<T>> change) {
        return immediate("update " + table.sqlName, c -> {
            Optional<T> before = read(c, table, key).map(json -> Json.read(json, type));
            Optional<T> after = change.apply(before);
            if (after.isEmpty()) {
                if (before.isPresent()) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table.sqlName + " WHERE key = ?")) {
                        ps.setString(1, key);
                        ps.executeUpdate();
                    }
                }
                return before;
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table.sqlName
                    + " (key, json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET json = excluded.json")) {
                ps.setString(1, key);
                ps.setString(2, Json.write(after.get()));
                ps.executeUpdate();
            }
            return before;
        });
    }

    private static Optional<String> read(Connection c, Table table, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT json FROM " + table.sqlName + " WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Runs the read-only {@code work} on a read connection (on the writer's for an in-memory database). */
    private <T> T read(String what, Work<T> work) {
        if (readers == null) {
            return plain(what, work);
        }
        Connection c = readers.take();
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        } finally {
            readers.give(c);
        }
    }

    /** Runs {@code work} as one statement-level (autocommit) unit. */
    private <T> T plain(String what, Work<T> work) {
        synchronized (lock) {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw failure(what, e);
            }
        }
    }

    /** Runs {@code work} inside {@code BEGIN IMMEDIATE ... COMMIT}, rolling back on any failure. */
    private <T> T immediate(String what, Work<T> work) {
        synchronized (lock) {
            try {
                execute("BEGIN IMMEDIATE");
            } catch (SQLException e) {
                throw failure(what, e);
            }
            try {
                T result = work.run(connection);
                execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    execute("ROLLBACK");
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e instanceof SQLException sql ? failure(what, sql) : (RuntimeException) e;
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private StateException failure(String what, SQLException e) {
        return new StateException("sqlite " + location + ": cannot " + what + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            if (readers != null) {
                readers.close();
            }
        } finally {
            synchronized (lock) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    throw failure("close", e);
                }
            }
        }
    }
}
