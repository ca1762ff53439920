package io.antidote.tf.lesson;

import java.util.Objects;

/**
 * A point-to-point link between endpoints {@code a} and {@code b} on {@code subnet} (CIDR).
 * The reference's default subnet applies when a lesson gives none.
 */
public record Connection(String a, String b, String subnet) {
    public static final String DEFAULT_SUBNET = "169.0.0.0/16";

    public Connection {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        subnet = subnet == null || subnet.isBlank() ? DEFAULT_SUBNET : subnet;
    }

    /** The reference's network name, {@code <a>-<b>-net}. */
    public String networkName() {
        return a + "-" + b + "-net";
    }
}
