package io.antidote.tf.state;

import java.time.Instant;
import java.util.Objects;

/**
 * A stack to destroy at or after {@code due}: one whose destroy failed (retried with backoff), or a failed
 * livelesson's stack kept for inspection until then.
 *
 * @param liveLessonId the stack's livelesson
 * @param reason why it waits: {@link #KEPT} or {@link #RETRY}
 * @param attempts destroys tried and failed so far
 * @param due the earliest time of the next try
 * @param lastError the last failure, one line, redacted; empty before any
 * @param since when the stack first became due for destruction
 */
public record PendingDestroy(String liveLessonId, String reason, int attempts, Instant due, String lastError,
        Instant since) {
    /** A failed livelesson's stack kept for inspection ({@code keepFailedFor}). */
    public static final String KEPT = "kept";
    /** A destroy failed and is retried. */
    public static final String RETRY = "retry";

    public PendingDestroy {
        Objects.requireNonNull(liveLessonId, "liveLessonId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(since, "since");
        lastError = lastError == null ? "" : lastError;
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts " + attempts + " is negative");
        }
    }

    /** The next failure recorded: one attempt more, due again at {@code next}. */
    public PendingDestroy failedAgain(String error, Instant next) {
        return new PendingDestroy(liveLessonId, RETRY, attempts + 1, next, error, since);
    }
}
