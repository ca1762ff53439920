package io.antidote.tf.dryrun;

import java.time.Duration;
import java.util.List;

/**
 * Every stack of a plan-only dry run (or of a drift check), in selection order, and how long the whole run took.
 *
 * @param terraformVersion the terraform that planned them
 * @param kind what was run: the words of the reports
 */
public record PlanReport(List<StackOutcome> outcomes, String terraformVersion, Duration elapsed, Kind kind) {
    /** What a report is of, and the words its renderings use. */
    public enum Kind {
        /** {@code antidote-tf plan}: plans of lessons that are not running. */
        PLAN("plan-only dry run", "planned", "with changes", "planned"),
        /** {@code antidote-tf drift}: refresh-only plans of the READY livelessons. */
        DRIFT("drift check", "checked", "drifted", "in sync");

        final String title;
        final String done;
        final String changed;
        final String unchangedResult;

        Kind(String title, String done, String changed, String unchangedResult) {
            this.title = title;
            this.done = done;
            this.changed = changed;
            this.unchangedResult = unchangedResult;
        }

        /** What one stack's outcome is called in this kind of report. */
        public String result(StackOutcome o) {
            if (!o.ok()) {
                return o.result();
            }
            return switch (this) {
                case PLAN -> o.result();
                case DRIFT -> o.hasChanges() ? "drifted" : unchangedResult;
            };
        }

        /** The first line of a Markdown report. */
        public String markdownTitle() {
            return "### antidote-tf " + title;
        }
    }

    public PlanReport {
        outcomes = List.copyOf(outcomes);
        terraformVersion = terraformVersion == null ? "" : terraformVersion;
        kind = kind == null ? Kind.PLAN : kind;
    }

    /** A plan-only dry run's report. */
    public PlanReport(List<StackOutcome> outcomes, String terraformVersion, Duration elapsed) {
        this(outcomes, terraformVersion, elapsed, Kind.PLAN);
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

    /** One line: how many planned (checked), changed (drifted), failed. */
    public String headline() {
        return outcomes.size() + " stack(s): " + (outcomes.size() - failed()) + " " + kind.done + " (" + changed()
                + " " + kind.changed + "), " + failed() + " failed";
    }
}
