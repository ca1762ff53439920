package io.antidote.tf.dryrun;

import io.antidote.tf.terraform.PlanSummary;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a plan-only dry run found for one lesson: its plan's counts, or where it failed and why.
 *
 * @param lesson the lesson's slug (its directory name when it failed validation)
 * @param stack the stack's name (the dry-run livelesson's UULLID); empty when there is no stack
 * @param step where it ended: {@link Step#PLANNED} or the step that failed
 * @param summary the plan's counts; null unless planned
 * @param error one line saying what failed; empty when planned
 * @param diagnostics terraform's error diagnostics, or the validation problems, one per entry
 * @param elapsed synthesis, init and plan together
 */
public record StackOutcome(String lesson, String stack, Step step, PlanSummary summary, String error,
        List<String> diagnostics, Duration elapsed) {

    /** How far a stack got. */
    public enum Step {
        /** planned successfully */
        PLANNED,
        /** the lesson failed curriculum validation */
        VALIDATION,
        /** the stack could not be synthesized */
        SYNTH,
        /** {@code terraform init} failed */
        INIT,
        /** {@code terraform plan} failed */
        PLAN
    }

    public StackOutcome {
        Objects.requireNonNull(lesson, "lesson");
        stack = stack == null ? "" : stack;
        Objects.requireNonNull(step, "step");
        if ((step == Step.PLANNED) != (summary != null)) {
            throw new IllegalArgumentException("a planned stack has a summary, a failed one has none");
        }
        error = error == null ? "" : error;
        diagnostics = List.copyOf(diagnostics);
        elapsed = elapsed == null ? Duration.ZERO : elapsed;
    }

    public static StackOutcome planned(String lesson, String stack, PlanSummary summary, Duration elapsed) {
        return new StackOutcome(lesson, stack, Step.PLANNED, summary, "", List.of(), elapsed);
    }

    public static StackOutcome failed(String lesson, String stack, Step step, String error, List<String> diagnostics,
            Duration elapsed) {
        return new StackOutcome(lesson, stack, step, null, error, diagnostics, elapsed);
    }

    public boolean ok() {
        return step == Step.PLANNED;
    }

    /** Planned, with something to add, change, import or destroy. */
    public boolean hasChanges() {
        return ok() && summary.hasChanges();
    }

    /** {@code planned}, or {@code failed: <step>} in lower case. */
    public String result() {
        return switch (step) {
            case PLANNED -> "planned";
            case VALIDATION -> "failed: validation";
            case SYNTH -> "failed: synth";
            case INIT -> "failed: init";
            case PLAN -> "failed: plan";
        };
    }
}
