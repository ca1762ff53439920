package io.antidote.tf.state;

import java.time.Instant;
import java.util.Objects;

/** A DELETE of a livelesson that was asked for and has not finished: in-flight work on it stops, a restart ends it. */
public record DeletionRequest(String liveLessonId, Instant requestedAt) {
    public DeletionRequest {
        Objects.requireNonNull(liveLessonId, "liveLessonId");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
