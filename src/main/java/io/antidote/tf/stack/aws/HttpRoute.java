package io.antidote.tf.stack.aws;

import java.util.Objects;

/**
 * One HTTP presentation's route: a target group on {@code port} of the endpoint and a host-header rule for exactly
 * {@code hostname} at {@code priority} on listener {@code listener}.
 */
public record HttpRoute(String endpoint, String presentation, String hostname, int port, int listener, int priority) {
    public HttpRoute {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(presentation, "presentation");
        Objects.requireNonNull(hostname, "hostname");
    }

    /** {@code <endpoint>/<presentation>}: the route's key in the {@code http_routes} output. */
    public String key() {
        return endpoint + "/" + presentation;
    }
}
