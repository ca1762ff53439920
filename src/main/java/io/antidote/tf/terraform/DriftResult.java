package io.antidote.tf.terraform;

import java.util.List;

/**
 * What a refresh-only plan found: whether the real infrastructure (or the outputs computed from it) differs from the
 * state ({@code -detailed-exitcode} 2), and each difference terraform reported: resources changed or deleted outside
 * terraform ({@code resource_drift}), outputs that would change.
 */
public record DriftResult(boolean drifted, List<String> changes) {
    public DriftResult {
        changes = List.copyOf(changes);
    }
}
