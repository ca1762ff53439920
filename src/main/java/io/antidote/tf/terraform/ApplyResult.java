package io.antidote.tf.terraform;

import java.time.Duration;
import java.util.Map;

/**
 * What an apply (or destroy) did.
 *
 * @param summary the counts from its {@code change_summary}
 * @param timings how long each resource took (from {@code apply_complete}/{@code apply_errored})
 * @param elapsed how long the command ran
 * @param noop true when nothing had to run (a destroy with no state)
 */
public record ApplyResult(PlanSummary summary, Map<String, Duration> timings, Duration elapsed, boolean noop) {
    public ApplyResult {
        timings = Map.copyOf(timings);
    }
}
