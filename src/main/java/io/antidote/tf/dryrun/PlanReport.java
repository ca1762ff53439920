package io.antidote.tf.dryrun;

import java.time.Duration;
import java.util.List;

/**
 * Every stack of a plan-only dry run, in selection order, and how long the whole run took.
 *
 * @param terraformVersion the terraform that planned them
 */
public record PlanReport(List<StackOutcome> outcomes, String terraformVersion, Duration elapsed) {
    public PlanReport {
        outcomes = List.copyOf(outcomes);
        terraformVersion = terraformVersion == null ? "" : terraformVersion;
    }

    public long failed() {
        return outcomes.stream().filter(o -> !o.ok()).count();
    }

    public long changed() {
        return outcomes.stream().filter(StackOutcome::hasChanges).count();
    }

    /** 0 when every stack planned; 1 when any failed; 2 with {@code detailed} when none failed and any has changes. */
    public int exitCode(boolean detailed) {
        if (failed() > 0) {
            return 1;
        }
        return detailed && changed() > 0 ? 2 : 0;
    }

    /** One line: how many planned, changed, failed. */
    public String headline() {
        return outcomes.size() + " stack(s): " + (outcomes.size() - failed()) + " planned (" + changed()
                + " with changes), " + failed() + " failed";
    }
}
