package io.antidote.tf.readiness;

import io.antidote.tf.AntidoteException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The endpoints of a livelesson did not all become reachable. Carries why the wait ended and every port that was
 * not ready, with the last reason seen; never credentials.
 */
public final class ReadinessException extends AntidoteException {
    private static final long serialVersionUID = 1L;

    /** Why the wait ended without success. */
    public enum Reason {
        /** The overall timeout passed. */
        TIMED_OUT,
        /** A check reported a definite failure; polling stopped early. */
        FAILED,
        /** The waiting thread was interrupted. */
        INTERRUPTED
    }

    private final String liveLessonId;
    private final Reason reason;
    private final transient List<NotReady> notReady;
    private final Duration elapsed;

    public ReadinessException(String liveLessonId, Reason reason, List<NotReady> notReady, Duration elapsed) {
        super(message(liveLessonId, reason, notReady, elapsed));
        this.liveLessonId = liveLessonId;
        this.reason = reason;
        this.notReady = List.copyOf(notReady);
        this.elapsed = elapsed;
    }

    private static String message(String id, Reason reason, List<NotReady> notReady, Duration elapsed) {
        String why = switch (reason) {
            case TIMED_OUT -> "endpoints not reachable within " + elapsed.toSeconds() + " s";
            case FAILED -> "endpoint readiness failed after " + elapsed.toSeconds() + " s";
            case INTERRUPTED -> "wait for endpoints interrupted after " + elapsed.toSeconds() + " s";
        };
        return "livelesson " + id + ": " + why + ": "
                + notReady.stream().map(NotReady::toString).collect(Collectors.joining("; "));
    }

    public String liveLessonId() {
        return liveLessonId;
    }

    public Reason reason() {
        return reason;
    }

    /** The ports not ready when the wait ended; for {@link Reason#FAILED} the failed ones come first. */
    public List<NotReady> notReady() {
        return notReady;
    }

    public Duration elapsed() {
        return elapsed;
    }
}
