package io.antidote.tf.backend.terraform;

import io.antidote.tf.AntidoteException;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.stack.EvidenceSection;
import io.antidote.tf.tracing.LiveLessonFailures;
import io.antidote.tf.tracing.Spans;
import io.opentracing.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A livelesson's failure recorded the moment it happens, before anything is destroyed: Error set at once with a
 * summary (what failed, terraform's diagnostics, the end of its output) as the error detail; then the target's
 * evidence ({@link io.antidote.tf.stack.FailureEvidence}: the lesson host's and containers' logs on docker) gathered
 * into the span, one event per section, and appended to the detail. Everything is redacted; the detail is bounded.
 */
final class FailedLiveLesson {
    private static final Logger LOG = LoggerFactory.getLogger(FailedLiveLesson.class);

    private FailedLiveLesson() {
    }

    /** Records {@code error} as livelesson {@code id}'s failure; returns the exception to throw. */
    static AntidoteException record(Parts parts, Span span, String id, Throwable error) {
        String summary = Evidence.summary(error, parts.redactor());
        AntidoteException failure = LiveLessonFailures.fail(span, parts.db(), id, error, parts.redactor(), summary);
        Evidence.record(span, error, parts.redactor());
        Optional<LiveLesson> live = parts.db().getLiveLesson(id);
        if (live.isEmpty()) {
            return failure;
        }
        List<EvidenceSection> sections = gather(parts, live.get());
        StringBuilder detail = new StringBuilder(summary);
        for (EvidenceSection s : sections) {
            String text = parts.redactor().redact(s.text());
            Spans.event(span, "failure.evidence", Map.of("source", s.title(), "text", text), parts.redactor());
            detail.append("\n\n--- ").append(s.title()).append(" ---\n").append(text);
        }
        try {
            parts.db().updateLiveLessonErrorDetail(id, parts.redactor().redact(detail.toString()));
        } catch (RuntimeException e) {
            LOG.warn("livelesson {}: could not store its error detail: {}", id, parts.redactor().redact(e.getMessage()));
        }
        return failure;
    }

    private static List<EvidenceSection> gather(Parts parts, LiveLesson live) {
        Path workspace = parts.stacks().workspaceDir(parts.stacks().id(live.id()));
        try {
            return parts.evidence().collect(live, workspace);
        } catch (RuntimeException e) {
            List<EvidenceSection> none = new ArrayList<>();
            none.add(new EvidenceSection("evidence", "(could not be gathered: " + e.getMessage() + ")"));
            return none;
        }
    }
}
