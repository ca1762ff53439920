package io.antidote.tf.backend.terraform;

import io.antidote.tf.tracing.Spans;
import io.opentracing.Span;
import java.util.Map;

/**
 * DELETE of one livelesson, also used by garbage collection, run holding it ({@link Exclusive}): one
 * {@code terraform destroy} of its stack, then its workspace (directory and state) removed, then, WHATEVER happened,
 * its routing claims, its livelesson state and its deletion request. When the destroy fails, the workspace is kept and
 * the stack recorded as a pending destroy, which garbage collection retries with backoff ({@link DestroyRetries});
 * the failure is recorded in the span and thrown after the state is gone.
 */
final class Removal {
    private final Parts parts;
    private final DestroyRetries retries;

    Removal(Parts parts, DestroyRetries retries) {
        this.parts = parts;
        this.retries = retries;
    }

    void remove(Span parent, String liveLessonId) {
        Span span = Spans.child(parts.tracer(), "backend.remove", parent);
        span.setTag("liveLessonId", liveLessonId);
        RuntimeException failure = null;
        try {
            parts.stacks().destroyAndRemove(parts.stacks().id(liveLessonId), span);
            retries.done(liveLessonId);
        } catch (RuntimeException e) {
            failure = e;
            Evidence.record(span, e, parts.redactor());
            Spans.error(span, e, parts.redactor());
            try {
                retries.failed(liveLessonId, e);
            } catch (RuntimeException ledger) {
                e.addSuppressed(ledger);
            }
        } finally {
            try {
                parts.routes().remove(parts.stacks().instanceId() + "-" + liveLessonId);
                parts.db().deleteLiveLesson(liveLessonId);
                parts.ledger().clearDeletion(liveLessonId);
                Spans.event(span, "livelesson state deleted", Map.of("liveLessonId", liveLessonId));
            } catch (RuntimeException e) {
                Spans.error(span, e, parts.redactor());
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
            span.finish();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
