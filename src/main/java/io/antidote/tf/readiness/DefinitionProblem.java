package io.antidote.tf.readiness;

import java.time.Duration;
import java.util.Objects;

/** A check that always fails: the endpoint cannot be checked at all (no host, no ports). Stops the wait at once. */
final class DefinitionProblem implements ReadinessCheck {
    private final CheckTarget target;
    private final String problem;

    DefinitionProblem(String endpoint, String problem) {
        this.target = new CheckTarget(endpoint, CheckKind.DEFINITION, "", 0);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    @Override
    public CheckTarget target() {
        return target;
    }

    @Override
    public CheckOutcome attempt(Duration timeout) {
        return CheckOutcome.failed(problem);
    }
}
