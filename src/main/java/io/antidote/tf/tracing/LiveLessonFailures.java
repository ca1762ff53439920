package io.antidote.tf.tracing;

import io.antidote.tf.AntidoteException;
import io.antidote.tf.state.DataManager;
import io.opentracing.Span;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a livelesson is failed: the error logged to the span, the span tagged errored, the
 * livelesson's Error flag set. Replaces the three lines the reference repeats in every branch. Secrets in the error's
 * message are masked in the span, the log and the returned exception's message.
 */
public final class LiveLessonFailures {
    private static final Logger LOG = LoggerFactory.getLogger(LiveLessonFailures.class);

    private LiveLessonFailures() {
    }

    /**
     * Records {@code error} as the failure of livelesson {@code liveLessonId} and returns it as an unchecked
     * exception for the caller to throw. Setting the flag on a livelesson that is already gone is logged and added
     * to the error as suppressed, never allowed to hide the original error.
     */
    public static AntidoteException fail(Span span, DataManager db, String liveLessonId, Throwable error) {
        return fail(span, db, liveLessonId, error, Redactor.shared());
    }

    /** As {@link #fail(Span, DataManager, String, Throwable)}, masking what {@code redactor} knows. */
    public static AntidoteException fail(Span span, DataManager db, String liveLessonId, Throwable error,
            Redactor redactor) {
        return fail(span, db, liveLessonId, error, redactor, null);
    }

    /**
     * As {@link #fail(Span, DataManager, String, Throwable, Redactor)}, setting the livelesson's error detail to
     * {@code detail} (redacted) with the Error flag, in one update; null: the flag only.
     */
    public static AntidoteException fail(Span span, DataManager db, String liveLessonId, Throwable error,
            Redactor redactor, String detail) {
        Spans.error(span, error, redactor);
        try {
            if (detail == null) {
                db.updateLiveLessonError(liveLessonId, true);
            } else {
                db.updateLiveLessonErrorDetail(liveLessonId, redactor.redact(detail));
            }
        } catch (RuntimeException e) {
            error.addSuppressed(e);
            LOG.warn("livelesson {}: could not set its error flag: {}", liveLessonId, redactor.redact(e.getMessage()));
        }
        String message = redactor.redact(String.valueOf(error.getMessage()));
        LOG.error("livelesson {} failed: {}", liveLessonId, message);
        return error instanceof AntidoteException ae ? ae
                : new AntidoteException("livelesson " + liveLessonId + ": " + message, error);
    }
}
