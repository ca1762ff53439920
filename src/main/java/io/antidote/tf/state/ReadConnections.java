package io.antidote.tf.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.sqlite.SQLiteConfig;

/**
 * A fixed pool of read-only connections to one SQLite file in WAL mode. A reader takes a connection, runs its
 * statements (each its own snapshot) and gives it back; with more readers than connections, the rest wait for one.
 */
final class ReadConnections implements AutoCloseable {
    /** Enough to keep both cores of a small host busy with reads while others wait for I/O; few enough to stay light. */
    static final int SIZE = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors() * 2));

    private final BlockingQueue<Connection> idle;
    private final List<Connection> all;

    private ReadConnections(List<Connection> all) {
        this.all = List.copyOf(all);
        this.idle = new ArrayBlockingQueue<>(all.size(), false, all);
    }

    static ReadConnections open(String file, int busyTimeoutMillis) throws SQLException {
        List<Connection> opened = new ArrayList<>();
        try {
            for (int i = 0; i < SIZE; i++) {
                SQLiteConfig config = new SQLiteConfig();
                config.setReadOnly(true);
                config.setBusyTimeout(busyTimeoutMillis);
                opened.add(config.createConnection("jdbc:sqlite:" + file));
            }
        } catch (SQLException e) {
            for (Connection c : opened) {
                try {
                    c.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        return new ReadConnections(opened);
    }

    Connection take() {
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateException("interrupted while waiting for a read connection", e);
        }
    }

    void give(Connection c) {
        idle.add(c);
    }

    @Override
    public void close() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing: nothing is lost by a connection that does not close cleanly
            }
        }
    }
}
