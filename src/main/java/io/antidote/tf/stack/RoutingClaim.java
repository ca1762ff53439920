package io.antidote.tf.stack;

import java.util.Objects;

/**
 * A listener rule priority held by a livelesson's HTTP presentation, read back from its stack's
 * {@link StackOutputs#HTTP_ROUTES} output. Claims make priorities unique per listener and stable per livelesson.
 *
 * @param uullid the livelesson holding it ({@code <instanceId>-<livelessonId>})
 * @param route {@code <endpoint>/<presentation>}
 * @param listener index of the listener (shard) in the configuration
 * @param priority 1..50000
 */
public record RoutingClaim(String uullid, String route, int listener, int priority) {
    public RoutingClaim {
        Objects.requireNonNull(uullid, "uullid");
        Objects.requireNonNull(route, "route");
        if (listener < 0 || priority < 1 || priority > 50_000) {
            throw new IllegalArgumentException("routing claim " + uullid + "/" + route + ": listener " + listener
                    + ", priority " + priority + " out of range (listener >= 0, priority 1..50000)");
        }
    }

    /** The claim as written in {@code http_routes}: {@code <listener>:<priority>}. */
    public String value() {
        return listener + ":" + priority;
    }
}
