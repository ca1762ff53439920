package io.antidote.tf.backend.terraform;

import io.antidote.tf.state.Ledger;
import io.antidote.tf.state.PendingDestroy;
import io.antidote.tf.tracing.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backoff of failed destroys: the first retry one garbage-collection interval after the failure, then twice as
 * long each time, at most {@code retryBackoffMaxMinutes}; after {@code stuckAfterAttempts} failures a stack is
 * <em>stuck</em>: logged as an error at every pass, counted by the {@code antidote_stacks_stuck} metric and listed by
 * {@code antidote-tf list --stuck}, and still retried at the longest wait.
 */
final class DestroyRetries {
    private static final Logger LOG = LoggerFactory.getLogger(DestroyRetries.class);
    private final Ledger ledger;
    private final Clock clock;
    private final Duration first;
    private final Duration longest;
    private final int stuckAfter;
    private final Redactor redactor;

    DestroyRetries(Ledger ledger, Clock clock, Duration first, Duration longest, int stuckAfter, Redactor redactor) {
        this.ledger = ledger;
        this.clock = clock;
        this.first = first;
        this.longest = longest.compareTo(first) < 0 ? first : longest;
        this.stuckAfter = stuckAfter;
        this.redactor = redactor;
    }

    /** The wait after the {@code attempts}-th failure. */
    Duration backoff(int attempts) {
        Duration wait = first;
        for (int i = 1; i < attempts && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longest) > 0 ? longest : wait;
    }

    /** The stack is to be destroyed from now on (before a destroy is tried, so a crash leaves it recorded). */
    void due(String liveLessonId) {
        Instant now = clock.instant();
        PendingDestroy p = ledger.pendingDestroy(liveLessonId)
                .orElse(new PendingDestroy(liveLessonId, PendingDestroy.RETRY, 0, now, "", now));
        ledger.putDestroy(p);
    }

    /** A failed livelesson's stack is kept until {@code keepFor} from now, then destroyed. */
    void keep(String liveLessonId, Duration keepFor) {
        Instant now = clock.instant();
        ledger.putDestroy(new PendingDestroy(liveLessonId, PendingDestroy.KEPT, 0, now.plus(keepFor), "", now));
    }

    /** A destroy of the stack failed: one attempt more, the next later; returns the record. */
    PendingDestroy failed(String liveLessonId, Throwable error) {
        Instant now = clock.instant();
        PendingDestroy before = ledger.pendingDestroy(liveLessonId)
                .orElse(new PendingDestroy(liveLessonId, PendingDestroy.RETRY, 0, now, "", now));
        String line = redactor.redact(firstLine(error.getMessage()));
        PendingDestroy after = before.failedAgain(line, now.plus(backoff(before.attempts() + 1)));
        ledger.putDestroy(after);
        if (stuck(after)) {
            LOG.error("STUCK: the stack of livelesson {} could not be destroyed in {} attempts since {} (last: {}); "
                    + "its resources may still cost; retried every {}", liveLessonId, after.attempts(), after.since(),
                    line, backoff(after.attempts()));
        } else {
            LOG.warn("destroying the stack of livelesson {} failed (attempt {}): {}; retried after {}", liveLessonId,
                    after.attempts(), line, after.due());
        }
        return after;
    }

    /** The stack is gone: nothing pending. */
    void done(String liveLessonId) {
        ledger.removeDestroy(liveLessonId);
    }

    boolean stuck(PendingDestroy p) {
        return p.attempts() >= stuckAfter;
    }

    int stuckAfter() {
        return stuckAfter;
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message);
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
