package io.antidote.tf.config;

import io.antidote.tf.AntidoteException;
import java.nio.file.Path;

/**
 * The configuration file cannot be used: it is missing, unreadable, not YAML, or a key in it is unknown, of the
 * wrong type or out of range. The message is {@code <file>: <key>: <reason>} ({@code <file>: <reason>} when the
 * problem is the whole file), for a person to act on.
 */
public class ConfigException extends AntidoteException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final String key;
    private final String reason;

    public ConfigException(Path file, String key, String reason, Throwable cause) {
        super(file + ": " + (key.isEmpty() ? "" : key + ": ") + reason, cause);
        this.file = file;
        this.key = key;
        this.reason = reason;
    }

    /** The configuration file (or the origin given to {@link ConfigLoader#parse}). */
    public Path file() {
        return file;
    }

    /** The full key path, such as {@code backendConfigs.terraform.runner.binary}; empty for the whole file. */
    public String key() {
        return key;
    }

    /** What is wrong, without the file and key. */
    public String reason() {
        return reason;
    }
}
