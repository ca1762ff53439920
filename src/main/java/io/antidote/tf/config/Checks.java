package io.antidote.tf.config;

import io.antidote.tf.grammar.DnsNames;
import io.antidote.tf.grammar.Rule;
import io.antidote.tf.grammar.Texts;
import java.util.Arrays;

/**
 * Value checks for configuration records: each failure is an {@link InvalidValueException} naming the full key path
 * and what is wrong.
 */
final class Checks {
    private static final int MAX_SHOWN = 60;

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
        follows(key, value, DnsNames.label(maxLength).because("it becomes part of DNS and resource names"));
    }

    /** {@code value}, which must follow {@code rule}; the error shows the value, shortened and escaped. */
    static String follows(String key, String value, Rule rule) {
        rule.problem(value).ifPresent(reason -> {
            throw new InvalidValueException(key, shown(value) + " " + reason);
        });
        return value;
    }

    /** {@code 'value'} for a message: at most 60 characters, invisible characters escaped. */
    static String shown(String value) {
        String cut = value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN) + "..." : value;
        return "'" + Texts.printable(cut) + "'";
    }

    /** A non-empty {@code value} must start with {@code prefix} (AWS IDs: {@code vpc-}, {@code sg-}, ARNs: {@code arn:}). */
    static void prefixed(String key, String value, String prefix) {
        if (!value.isEmpty() && !value.startsWith(prefix)) {
            throw new IllegalArgumentException(key + ": '" + value + "' must start with '" + prefix + "'");
        }
    }
}
