package io.antidote.tf.backend.terraform;

import io.antidote.tf.terraform.DriftResult;
import java.time.Duration;
import java.util.Objects;

/**
 * One READY livelesson's drift check: its refresh-only plan's result, or why it could not be checked (busy, no
 * state, terraform failed: {@code failure}, one line, with terraform's diagnostics in {@code diagnostics}).
 */
public record StackDrift(String liveLessonId, String lessonSlug, String stack, DriftResult result, String failure,
        java.util.List<String> diagnostics, Duration elapsed) {
    public StackDrift {
        Objects.requireNonNull(liveLessonId, "liveLessonId");
        failure = failure == null ? "" : failure;
        diagnostics = java.util.List.copyOf(diagnostics == null ? java.util.List.of() : diagnostics);
        if ((result == null) == failure.isEmpty()) {
            throw new IllegalArgumentException("a drift check has a result or a failure, not both");
        }
    }
}
