package io.antidote.tf.api;

import java.util.Map;

/** What {@code /healthz} reports: each part of the service and whether it is well; healthy when all are. */
@FunctionalInterface
public interface HealthCheck {

    /** One look at the service's parts. */
    Health check();

    /** @param parts each part's state in a word or a few ({@code running}, {@code connected}, {@code ok}) */
    record Health(boolean healthy, Map<String, String> parts) {
        public Health {
            parts = Map.copyOf(parts);
        }
    }
}
