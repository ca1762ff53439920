package io.antidote.tf.readiness;

import java.time.Duration;

/**
 * One way of asking whether a port of an endpoint is reachable: a strategy, as testcontainers' wait strategies are.
 * An attempt returns within about {@code timeout} (a few times it at most, for multi-step protocols), never throws
 * for network trouble (that is {@link CheckOutcome.Status#NOT_YET}), and reports
 * {@link CheckOutcome.Status#FAILED} only when waiting longer cannot help. Implementations are thread-safe.
 */
public interface ReadinessCheck {

    /** The endpoint and port this check looks at. */
    CheckTarget target();

    /** Tries once. */
    CheckOutcome attempt(Duration timeout);
}
