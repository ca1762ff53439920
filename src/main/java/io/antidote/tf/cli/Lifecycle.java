package io.antidote.tf.cli;

import io.antidote.tf.AntidoteException;
import io.antidote.tf.backend.terraform.BackendOptions;
import io.antidote.tf.backend.terraform.TerraformBackend;
import io.antidote.tf.backend.terraform.TerraformBackendFactory;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.lesson.Curriculum;
import io.antidote.tf.state.SqliteDataManager;
import io.antidote.tf.state.StateException;
import io.antidote.tf.terraform.TerraformListener;
import io.antidote.tf.tracing.TracerFactory;
import io.opentracing.Tracer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a lifecycle command holds while it runs: the configuration, the state database (SQLite, shared by every
 * invocation and by {@code serve}), and, for commands that change infrastructure, the tracer and the terraform
 * backend. Opened in an order that writes nothing before the invocation is known to be sound; closed in reverse.
 */
final class Lifecycle implements AutoCloseable {
    final AntidoteConfig config;
    final Path dbFile;
    final SqliteDataManager db;
    final Tracer tracer;
    final TerraformBackend backend;

    private Lifecycle(AntidoteConfig config, Path dbFile, SqliteDataManager db, Tracer tracer,
            TerraformBackend backend) {
        this.config = config;
        this.dbFile = dbFile;
        this.db = db;
        this.tracer = tracer;
        this.backend = backend;
    }

    /**
     * The configuration and the database only, for reading ({@code list}, and the checks before a command changes
     * anything). A database that does not exist yet is not created: it reads as empty.
     */
    static Lifecycle state(LifecycleOptions options, AntidoteConfig config) {
        Path file = options.database(config);
        return new Lifecycle(config, file, Files.exists(file) ? openDatabase(file) : SqliteDataManager.open(":memory:"),
                null, null);
    }

    /**
     * Everything, with the backend: the database opened, {@code curriculum} (when given) stored in it first (the
     * backend learns the image passwords it must mask from there), the tracer, then the backend, which finds
     * terraform and checks its version.
     */
    static Lifecycle open(LifecycleOptions options, AntidoteConfig config, Curriculum curriculum,
            TerraformListener listener) {
        Path file = options.database(config);
        boolean existed = Files.exists(file);
        SqliteDataManager db = openDatabase(file);
        Tracer tracer = null;
        try {
            if (curriculum != null) {
                Curricula.store(curriculum, db);
            }
            tracer = TracerFactory.create(config.tracing());
            TerraformBackend backend = TerraformBackendFactory.create(config, db, BuildInfo.of(options.imageVersion),
                    tracer, BackendOptions.defaults().withListener(listener).withLedger(db.ledger()));
            return new Lifecycle(config, file, db, tracer, backend);
        } catch (RuntimeException e) {
            closeTracer(tracer);
            db.close();
            if (!existed && !file.toString().equals(LifecycleOptions.MEMORY)) {
                forget(file);
            }
            throw e;
        }
    }

    /**
     * Opens the SQLite database {@code file}, creating it (and its directory) when absent; a file or directory that
     * cannot be used is an error naming it.
     */
    static SqliteDataManager openDatabase(Path file) {
        Path dir = file.getParent();
        String problem = null;
        if (Files.isDirectory(file)) {
            problem = "is a directory";
        } else if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
            problem = dir + " is not a directory";
        } else if (Files.exists(file) && !Files.isWritable(file)) {
            problem = "is not writable";
        } else if (dir != null && Files.isDirectory(dir) && !Files.isWritable(dir)) {
            problem = "its directory " + dir + " is not writable";
        }
        if (problem != null) {
            throw new AntidoteException("state database " + file + " (--db) " + problem);
        }
        try {
            return SqliteDataManager.open(file.toString());
        } catch (StateException e) {
            throw new AntidoteException("state database " + file + " (--db) cannot be used: " + e.getMessage(), e);
        }
    }

    /** Removes a database this invocation created before it failed, so a failed invocation leaves nothing. */
    private static void forget(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(Path.of(file + suffix));
            } catch (java.io.IOException e) {
                // best effort: an empty database is harmless
            }
        }
    }

    /** The directory of livelesson {@code id}'s stack (its workspace). */
    Path stackDir(String id) {
        return workDir().resolve(config.instanceId()).resolve(id);
    }

    Path workDir() {
        return Path.of(config.backendConfigs().terraform().runner().workDir()).toAbsolutePath().normalize();
    }

    /** The livelesson IDs that have a stack directory. */
    List<String> stacks() {
        Path dir = workDir().resolve(config.instanceId());
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new io.antidote.tf.AntidoteException("cannot list the stacks in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (backend != null) {
                backend.close();
            }
        } finally {
            closeTracer(tracer);
            db.close();
        }
    }

    private static void closeTracer(Tracer tracer) {
        if (tracer != null) {
            tracer.close();
        }
    }
}
