package io.antidote.tf.terraform;

import java.util.Map;

/**
 * One line of terraform's {@code -json} stream, typed. Unknown types become {@link Other}; lines that are not JSON
 * objects become {@link Junk}. No event carries an output's value, so events can be logged and traced safely.
 */
public sealed interface TerraformEvent {
    /** The line's {@code @message} (or the raw text of a junk line). */
    String message();

    /** {@code version}: the product ({@code terraform} or {@code tofu}), its version and the UI version. */
    record Version(String product, String version, String ui, String message) implements TerraformEvent {
    }

    /** {@code log}: free text, at {@code level} (info, warn, error). */
    record Log(String level, String message) implements TerraformEvent {
    }

    /** {@code diagnostic}: a warning or error. */
    record DiagnosticLine(Diagnostic diagnostic, String message) implements TerraformEvent {
    }

    /** {@code planned_change} or {@code resource_drift} ({@code drift} true): an action on a resource. */
    record PlannedChange(String address, String action, String reason, boolean drift, String message)
            implements TerraformEvent {
    }

    /** {@code change_summary}. */
    record ChangeSummary(PlanSummary summary, String message) implements TerraformEvent {
    }

    /** {@code apply_*}, {@code refresh_*}, {@code provision_*}: progress on one resource. */
    record Hook(HookType type, String address, String action, double elapsedSeconds, String message)
            implements TerraformEvent {
    }

    /**
     * {@code outputs}: the names of the outputs, whether each is sensitive, and in a plan what would happen to each
     * ({@code noop}, {@code create}, {@code update}, {@code delete}; empty after an apply). Values are never kept.
     */
    record Outputs(Map<String, Boolean> sensitiveByName, Map<String, String> actionByName, String message)
            implements TerraformEvent {
        public Outputs {
            sensitiveByName = Map.copyOf(sensitiveByName);
            actionByName = Map.copyOf(actionByName);
        }

        public Outputs(Map<String, Boolean> sensitiveByName, String message) {
            this(sensitiveByName, Map.of(), message);
        }
    }

    /** A JSON line of a type this runner does not model (e.g. {@code init_output}, {@code state_lock_acquire}). */
    record Other(String type, String level, String message) implements TerraformEvent {
    }

    /** A line that is not a JSON object (terraform#29252, #32265), or any line of a command run without -json. */
    record Junk(String message) implements TerraformEvent {
    }
}
