package io.antidote.tf.tracing;

import io.antidote.tf.AntidoteException;
import io.antidote.tf.state.DataManager;
import io.opentracing.Span;
import io.opentracing.tag.Tags;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a livelesson is failed: the error logged to the span, the span tagged errored, the
 * livelesson's Error flag set. Replaces the three lines the reference repeats in every branch.
 */
public final class LiveLessonFailures {
    private static final Logger LOG = LoggerFactory.getLogger(LiveLessonFailures.class);

    private LiveLessonFailures() {
    }

    /**
     * Records {@code error} as the failure of livelesson {@code liveLessonId} and returns it as an unchecked
     * exception for the caller to throw. Setting the flag on a livelesson that is already gone is logged, never
     * allowed to hide the original error.
     */
    public static AntidoteException fail(Span span, DataManager db, String liveLessonId, Throwable error) {
        Spans.error(span, error);
        try {
            db.updateLiveLessonError(liveLessonId, true);
        } catch (RuntimeException e) {
            error.addSuppressed(e);
            LOG.warn("livelesson {}: could not set its error flag: {}", liveLessonId, e.getMessage());
        }
        LOG.error("livelesson {} failed: {}", liveLessonId, error.getMessage());
        return error instanceof AntidoteException ae ? ae
                : new AntidoteException("livelesson " + liveLessonId + ": " + error.getMessage(), error);
    }

    /** Marks the span errored with the error's message and kind, without touching any livelesson. */
    static Map<String, Object> errorFields(Throwable error) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", Tags.ERROR.getKey());
        fields.put("error.kind", error.getClass().getSimpleName());
        fields.put("message", String.valueOf(error.getMessage()));
        return fields;
    }
}
