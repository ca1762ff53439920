package io.antidote.tf.terraform;

/**
 * The counts terraform reported on its {@code change_summary} line.
 *
 * @param add resources to create (or created)
 * @param change resources to update in place
 * @param imports resources to import
 * @param remove resources to destroy
 * @param operation {@code plan}, {@code apply} or {@code destroy}
 */
public record PlanSummary(int add, int change, int imports, int remove, String operation) {
    public PlanSummary {
        operation = operation == null ? "" : operation;
    }

    /** Nothing to do. */
    public static PlanSummary none(String operation) {
        return new PlanSummary(0, 0, 0, 0, operation);
    }

    public boolean hasChanges() {
        return add + change + imports + remove > 0;
    }
}
