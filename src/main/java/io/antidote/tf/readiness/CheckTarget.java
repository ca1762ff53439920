package io.antidote.tf.readiness;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * What one check looks at: a port of an endpoint, reached at {@code host}. A {@link CheckKind#DEFINITION} target has
 * port 0: it stands for the endpoint as a whole.
 */
public record CheckTarget(String endpoint, CheckKind kind, String host, int port) {

    public CheckTarget {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(kind, "kind");
        host = host == null ? "" : host;
        if (kind == CheckKind.DEFINITION ? port != 0 : port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is invalid for a " + kind + " check of " + endpoint);
        }
    }

    /** The socket address to check, or empty when the host name cannot be resolved (see {@link #unresolvable()}). */
    Optional<InetSocketAddress> socketAddress() {
        try {
            return Optional.of(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The definite failure of a check whose host name cannot be resolved. */
    CheckOutcome unresolvable() {
        return CheckOutcome.failed("host name " + host + " cannot be resolved");
    }

    @Override
    public String toString() {
        return switch (kind) {
            case TCP, SSH -> endpoint + " " + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + host + ":" + port;
            case DEFINITION -> endpoint + " definition";
        };
    }
}
