package io.antidote.tf.readiness;

import java.time.Duration;
import java.util.Objects;

/**
 * A wait that succeeded: every endpoint of the livelesson is reachable.
 *
 * @param endpoints how many endpoints were checked
 * @param rounds how many rounds of attempts it took
 */
public record ReadinessResult(String liveLessonId, int endpoints, int rounds, Duration elapsed) {
    public ReadinessResult {
        Objects.requireNonNull(liveLessonId, "liveLessonId");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
