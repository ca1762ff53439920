package io.antidote.tf.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The scheduler's own settings (not in the reference, which hard-codes them).
 *
 * @param gcIntervalSeconds how often garbage collection runs
 * @param maxConcurrentRequests how many livelessons are worked on at once
 * @param queue how the API hands requests to the scheduler: {@code inprocess} (this process's own scheduler) or
 *        {@code nats} (over the NATS server at {@code natsUrl}, shared by every instance of the same instanceId)
 * @param shutdownGraceSeconds on SIGTERM, how long running requests may take to finish before they are cancelled
 */
public record SchedulerConfig(
        @JsonProperty("gcIntervalSeconds") Integer gcIntervalSeconds,
        @JsonProperty("maxConcurrentRequests") Integer maxConcurrentRequests,
        @JsonProperty("queue") String queue,
        @JsonProperty("shutdownGraceSeconds") Integer shutdownGraceSeconds) {
    public static final String IN_PROCESS = "inprocess";
    public static final String NATS = "nats";

    public SchedulerConfig {
        gcIntervalSeconds = Checks.range("scheduler.gcIntervalSeconds", gcIntervalSeconds, 60, 1, 86400);
        maxConcurrentRequests = Checks.range("scheduler.maxConcurrentRequests", maxConcurrentRequests, 8, 1, 1024);
        queue = Checks.orDefault(queue, IN_PROCESS);
        Checks.oneOf("scheduler.queue", queue, IN_PROCESS, NATS);
        shutdownGraceSeconds = Checks.range("scheduler.shutdownGraceSeconds", shutdownGraceSeconds, 30, 1, 3600);
    }

    /** The two settings the scheduler has always had; the others take their defaults. */
    public SchedulerConfig(Integer gcIntervalSeconds, Integer maxConcurrentRequests) {
        this(gcIntervalSeconds, maxConcurrentRequests, null, null);
    }

    public static SchedulerConfig defaults() {
        return new SchedulerConfig(null, null, null, null);
    }

    /** Whether requests go over NATS rather than through this process's queue. */
    public boolean overNats() {
        return queue.equals(NATS);
    }
}
