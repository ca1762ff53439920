package io.antidote.tf.readiness;

import io.antidote.tf.config.TerraformBackendConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * How long and how hard to wait for endpoints.
 *
 * @param timeout the whole wait; the last round of attempts may overrun it by up to one attempt's time
 * @param pollInterval the pause between rounds of attempts
 * @param attemptTimeout the time one attempt gets for each of its steps (TCP connect; SSH connect, then exchange)
 * @param parallelism how many attempts run at once
 */
public record ReadinessSettings(Duration timeout, Duration pollInterval, Duration attemptTimeout, int parallelism) {

    public ReadinessSettings {
        positive("timeout", timeout);
        positive("pollInterval", pollInterval);
        positive("attemptTimeout", attemptTimeout);
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
    }

    /** The contract's 600 s, polling every 2 s with 5 s attempts, 16 at a time. */
    public static ReadinessSettings defaults() {
        return withTimeout(Duration.ofSeconds(600));
    }

    /** The defaults with another overall timeout. */
    public static ReadinessSettings withTimeout(Duration timeout) {
        return new ReadinessSettings(timeout, Duration.ofSeconds(2), Duration.ofSeconds(5), 16);
    }

    /** The defaults with the overall timeout {@code readinessTimeoutSeconds} of the backend's configuration. */
    public static ReadinessSettings from(TerraformBackendConfig config) {
        return withTimeout(Duration.ofSeconds(config.readinessTimeoutSeconds()));
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }
}
