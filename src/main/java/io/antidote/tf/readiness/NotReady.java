package io.antidote.tf.readiness;

import java.util.Objects;

/** One port (or endpoint definition) that was not ready when the wait ended, and the last reason why. */
public record NotReady(CheckTarget target, CheckOutcome.Status status, String reason) {
    public NotReady {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
    }

    @Override
    public String toString() {
        return target + " (" + reason + ")";
    }
}
