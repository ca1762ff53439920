package io.antidote.tf.backend.terraform;

import io.antidote.tf.tracing.Spans;
import io.opentracing.Span;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of a failed CREATE's infrastructure: kept for inspection for {@code keepFailedFor} minutes (then
 * garbage collection destroys it), or destroyed at once. Either way it is first recorded in the ledger as a pending
 * destroy, so that a process dying in between leaves it to the next garbage collection, and a destroy that fails is
 * retried with backoff ({@link DestroyRetries}).
 */
final class PartialStacks {
    private static final Logger LOG = LoggerFactory.getLogger(PartialStacks.class);
    private final Parts parts;
    private final DestroyRetries retries;

    PartialStacks(Parts parts, DestroyRetries retries) {
        this.parts = parts;
        this.retries = retries;
    }

    void afterFailure(Span span, String id, RuntimeException cause) {
        int keep = parts.terraform().keepFailedFor();
        if (keep > 0) {
            retries.keep(id, Duration.ofMinutes(keep));
            Spans.event(span, "infrastructure kept for inspection", Map.of("liveLessonId", id, "minutes", keep,
                    "workspace", parts.stacks().workspaceDir(parts.stacks().id(id)).toString()));
            LOG.warn("livelesson {} failed; its infrastructure is kept for inspection for {} min (workspace {})", id,
                    keep, parts.stacks().workspaceDir(parts.stacks().id(id)));
            return;
        }
        retries.due(id);
        try {
            parts.stacks().destroyAndRemove(parts.stacks().id(id), span);
            retries.done(id);
            Spans.event(span, "partial infrastructure destroyed", Map.of("liveLessonId", id));
            parts.db().getLiveLesson(id).ifPresent(l -> parts.routes().remove(l.uullid()));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            Evidence.record(span, e, parts.redactor());
            retries.failed(id, e);
        }
    }
}
