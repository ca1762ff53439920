package io.antidote.tf.config;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Value checks for configuration records: each failure is an {@link InvalidValueException} naming the full key path
 * and what is wrong.
 */
final class Checks {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    private Checks() {
    }

    static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    static String required(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(key, "is required");
        }
        return value;
    }

    static <T> T required(String key, T value) {
        if (value == null) {
            throw new InvalidValueException(key, "is required");
        }
        return value;
    }

    static InvalidValueException invalid(String key, String reason) {
        return new InvalidValueException(key, reason);
    }

    static int range(String key, Integer value, int fallback, int min, int max) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw new InvalidValueException(key, v + " is out of range " + min + ".." + max);
        }
        return v;
    }

    static int port(String key, Integer value, int fallback) {
        return range(key, value, fallback, 1, 65535);
    }

    static void oneOf(String key, String value, String... allowed) {
        if (Arrays.stream(allowed).noneMatch(value::equals)) {
            throw new InvalidValueException(key, "'" + value + "' is not one of " + String.join("|", allowed));
        }
    }

    static void dnsLabel(String key, String value, int maxLength) {
        if (!DNS_LABEL.matcher(value).matches() || value.length() > maxLength) {
            throw new InvalidValueException(key, "'" + value + "' must be 1.." + maxLength
                    + " lower-case letters, digits and inner hyphens (it becomes part of DNS and resource names)");
        }
    }

    /** A non-empty {@code value} must start with {@code prefix} (AWS IDs: {@code vpc-}, {@code sg-}, ARNs: {@code arn:}). */
    static void prefixed(String key, String value, String prefix) {
        if (!value.isEmpty() && !value.startsWith(prefix)) {
            throw new IllegalArgumentException(key + ": '" + value + "' must start with '" + prefix + "'");
        }
    }
}
