package io.antidote.tf.api.message;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /exp/livelesson}, the reference's {@code LiveLessonRequest}. Absent or null fields are the
 * zero values, as in the reference (which then answers with its own error texts).
 */
public record LiveLessonRequestMessage(
        @JsonProperty("lessonSlug") String lessonSlug,
        @JsonProperty("sessionId") String sessionId,
        @JsonProperty("lessonStage") Integer lessonStage) {

    public LiveLessonRequestMessage {
        lessonSlug = lessonSlug == null ? "" : lessonSlug;
        sessionId = sessionId == null ? "" : sessionId;
        lessonStage = lessonStage == null ? 0 : lessonStage;
    }
}
