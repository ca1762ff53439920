package io.antidote.tf.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The scheduler's own settings (not in the reference, which hard-codes them).
 *
 * @param gcIntervalSeconds how often garbage collection runs
 * @param maxConcurrentRequests how many livelessons are worked on at once
 */
public record SchedulerConfig(
        @JsonProperty("gcIntervalSeconds") Integer gcIntervalSeconds,
        @JsonProperty("maxConcurrentRequests") Integer maxConcurrentRequests) {
    public SchedulerConfig {
        gcIntervalSeconds = Checks.range("scheduler.gcIntervalSeconds", gcIntervalSeconds, 60, 1, 86400);
        maxConcurrentRequests = Checks.range("scheduler.maxConcurrentRequests", maxConcurrentRequests, 8, 1, 1024);
    }

    public static SchedulerConfig defaults() {
        return new SchedulerConfig(null, null);
    }
}
