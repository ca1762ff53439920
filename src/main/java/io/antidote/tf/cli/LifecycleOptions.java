package io.antidote.tf.cli;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.ConfigLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every lifecycle command ({@code up}, {@code stage}, {@code down}, {@code list}, {@code prune},
 * {@code serve}) shares: the configuration, the state database and the platform image version.
 *
 * <p>State that outlives one invocation lives in the SQLite file {@code --db}; its default sits next to the
 * runner's work directory, {@code <backendConfigs.terraform.runner.workDir>/../antidote-tf.db} (with the default
 * work directory: {@code ~/.antidote-tf/antidote-tf.db}), so every command of one configuration, and {@code serve},
 * share it without being told.
 */
final class LifecycleOptions {
    static final String DB_FILE = "antidote-tf.db";
    /** {@code --db :memory:}: state kept in this process only (a {@code serve} whose state need not outlive it). */
    static final String MEMORY = ":memory:";

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Antidote's configuration file.")
    Path config;

    @Option(names = "--db", paramLabel = "FILE",
            description = "The state database (SQLite; default: antidote-tf.db next to the runner's workDir; "
                    + ":memory: keeps it in this process only).")
    Path db;

    @Option(names = "--image-version", paramLabel = "TAG", defaultValue = BuildInfo.DEFAULT_IMAGE_VERSION,
            description = "Tag of the platform images (configurator, jupyter; default: ${DEFAULT-VALUE}).")
    String imageVersion;

    /** Quiets the libraries' logs (the terminal is the command's) and loads the configuration. */
    AntidoteConfig load() {
        LifecycleLogs.quiet();
        return ConfigLoader.load(config);
    }

    /** The database file: {@code --db}, else {@code antidote-tf.db} in the parent of the runner's work directory. */
    Path database(AntidoteConfig config) {
        if (db != null && db.toString().equals(MEMORY)) {
            return db;
        }
        if (db != null) {
            return db.toAbsolutePath().normalize();
        }
        Path workDir = Path.of(config.backendConfigs().terraform().runner().workDir()).toAbsolutePath().normalize();
        Path parent = workDir.getParent() != null ? workDir.getParent() : workDir;
        return parent.resolve(DB_FILE);
    }

    /** The options that name this configuration and database again, for hints such as {@code down ID <flags>}. */
    String flags() {
        return "--config " + config + (db != null ? " --db " + db : "");
    }
}
