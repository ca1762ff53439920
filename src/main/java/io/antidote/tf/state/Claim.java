package io.antidote.tf.state;

import java.time.Instant;
import java.util.Objects;

/**
 * One process's hold on one livelesson's stack while it runs an operation on it: only the owner drives the stack;
 * the others wait, ask it to stop ({@link Ledger#requestDeletion}), or take the claim over once the owner is gone.
 *
 * @param liveLessonId the livelesson
 * @param owner the owning process ({@code <boot id>/<pid>/<start time>}, see the backend's process identity)
 * @param operation what it runs: {@code CREATE}, {@code MODIFY}, {@code DELETE}, {@code GC}, {@code DRIFT}
 * @param since when it took the claim
 * @param attempt 1 for a first run; one more each time a restarted process resumes an operation a dead owner left
 */
public record Claim(String liveLessonId, String owner, String operation, Instant since, int attempt) {
    public Claim {
        Objects.requireNonNull(liveLessonId, "liveLessonId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(since, "since");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt " + attempt + " is not at least 1");
        }
    }
}
