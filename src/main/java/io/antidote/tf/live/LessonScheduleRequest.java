package io.antidote.tf.live;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** A request from the API to the scheduler, with the reference's JSON field names. */
public record LessonScheduleRequest(
        @JsonProperty("Operation") Operation operation,
        @JsonProperty("LiveLessonID") String liveLessonId,
        @JsonProperty("LiveSessionID") String liveSessionId,
        @JsonProperty("LessonSlug") String lessonSlug,
        @JsonProperty("Stage") int stage) {
    public LessonScheduleRequest {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(liveLessonId, "liveLessonId");
        liveSessionId = liveSessionId == null ? "" : liveSessionId;
        lessonSlug = lessonSlug == null ? "" : lessonSlug;
    }
}
