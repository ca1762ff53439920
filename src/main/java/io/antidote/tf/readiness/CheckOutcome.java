package io.antidote.tf.readiness;

import java.util.Objects;

/**
 * What one attempt of a {@link ReadinessCheck} found: not yet reachable (keep polling), ready, or a definite failure
 * that no amount of waiting will fix (stop polling at once). {@code detail} says why, for spans and errors; it never
 * contains credentials.
 */
public record CheckOutcome(Status status, String detail) {

    /** The three answers a check can give, as testcontainers' startup status has them. */
    public enum Status {
        NOT_YET, READY, FAILED
    }

    public CheckOutcome {
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }

    public static CheckOutcome ready(String detail) {
        return new CheckOutcome(Status.READY, detail);
    }

    public static CheckOutcome notYet(String detail) {
        return new CheckOutcome(Status.NOT_YET, detail);
    }

    public static CheckOutcome failed(String detail) {
        return new CheckOutcome(Status.FAILED, detail);
    }

    public boolean isReady() {
        return status == Status.READY;
    }
}
