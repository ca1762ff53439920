package io.antidote.tf.cli;

import io.antidote.tf.live.LessonScheduleRequest;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.ToIntFunction;

/**
 * One backend operation of a lifecycle command ({@code up}, {@code stage}, {@code down}), run in the calling thread
 * under an {@link Interruption}: Ctrl-C cancels terraform, and the command reports before the JVM may exit.
 */
final class BackendCall {
    /** How the operation ended: its failure (null when it succeeded) and whether Ctrl-C or SIGTERM stopped it. */
    record Result(RuntimeException failure, boolean interrupted) {
        boolean failed() {
            return failure != null;
        }

        /** "interrupted" or "failed", for the one error line. */
        String verb() {
            return interrupted ? "interrupted" : "failed";
        }
    }

    private BackendCall() {
    }

    /**
     * Runs {@code request} through the backend, then {@code report} (still guarded, so an interrupted command
     * prints its result before exiting); returns what {@code report} returns, the exit code.
     */
    static int run(Lifecycle lc, PrintWriter err, LessonScheduleRequest request, ToIntFunction<Result> report) {
        int grace = lc.config.backendConfigs().terraform().runner().cancelGraceSeconds();
        try (Interruption interruption = Interruption.during(err, Duration.ofSeconds(grace + 30L))) {
            RuntimeException failure = null;
            try {
                switch (request.operation()) {
                    case CREATE -> lc.backend.handleCreate(null, request);
                    case MODIFY -> lc.backend.handleModify(null, request);
                    case DELETE -> lc.backend.handleDelete(null, request);
                }
            } catch (RuntimeException e) {
                failure = e;
            }
            return report.applyAsInt(new Result(failure, interruption.fired()));
        }
    }
}
