package io.antidote.tf.config;

/**
 * A configuration value that a record's compact constructor rejected, with the full key path and the reason
 * apart, so that {@link ConfigLoader} can name both. Its message is {@code <key>: <reason>}.
 */
final class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final String reason;

    InvalidValueException(String key, String reason) {
        super(key + ": " + reason);
        this.key = key;
        this.reason = reason;
    }

    String key() {
        return key;
    }

    String reason() {
        return reason;
    }
}
