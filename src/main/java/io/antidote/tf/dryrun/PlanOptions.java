package io.antidote.tf.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * How a plan run uses terraform.
 *
 * @param mode batch roots or a workspace per stack
 * @param parallel how many terraform processes (and batch roots) run at once
 * @param batchSize at most this many stacks in one batch root
 * @param expectedRequirements the provider requirements the target's stacks are expected to have, when known: the
 *        batch mode runs their {@code init} while the stacks are still being synthesized
 */
public record PlanOptions(PlanMode mode, int parallel, int batchSize, Optional<JsonNode> expectedRequirements) {
    /**
     * The default {@link #batchSize}. A root of stacks with their own provider configurations holds up to two
     * provider processes per stack (about 2.5 GB of AWS provider at 20); of stacks that share one, terraform and its
     * provider peaked at 731 MiB for 13 NRE Labs stacks and 783 MiB for 26 (docs/performance.md).
     */
    public static final int DEFAULT_BATCH_SIZE = 20;

    public PlanOptions {
        Objects.requireNonNull(mode, "mode");
        if (parallel < 1) {
            throw DryRunException.usage("--parallel must be at least 1, not " + parallel);
        }
        if (batchSize < 1) {
            throw DryRunException.usage("--batch-size must be at least 1, not " + batchSize);
        }
        expectedRequirements = Objects.requireNonNullElse(expectedRequirements, Optional.empty());
    }

    /** These options, expecting {@code requirements}. */
    public PlanOptions expecting(Optional<JsonNode> requirements) {
        return new PlanOptions(mode, parallel, batchSize, requirements);
    }

    /** The per-stack mode with {@code parallel} workers. */
    public static PlanOptions perStack(int parallel) {
        return new PlanOptions(PlanMode.PER_STACK, parallel, DEFAULT_BATCH_SIZE, Optional.empty());
    }
}
