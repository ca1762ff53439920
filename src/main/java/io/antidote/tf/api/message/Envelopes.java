package io.antidote.tf.api.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The reference's small wrapper messages, one field each (or the three of an error). */
public final class Envelopes {
    private Envelopes() {
    }

    /** Every error's body: the message twice and the gRPC status code, as the reference's gateway writes it. */
    public record Error(@JsonProperty("error") String error, @JsonProperty("code") int code,
            @JsonProperty("message") String message) {
        public Error(String message, int code) {
            this(message, code, message);
        }
    }

    public record LiveLessonId(@JsonProperty("id") String id) {
    }

    public record Lessons(@JsonProperty("lessons") List<LessonMessage> lessons) {
    }

    public record Prereqs(@JsonProperty("prereqs") List<String> prereqs) {
    }

    public record Collections(@JsonProperty("collections") List<CollectionMessage> collections) {
    }

    public record AntidoteInfo(@JsonProperty("buildSha") String buildSha,
            @JsonProperty("buildVersion") String buildVersion,
            @JsonProperty("curriculumVersion") String curriculumVersion) {
    }

    public record LiveLessons(@JsonProperty("LiveLessons") Map<String, LiveLessonMessage> liveLessons) {
    }

    public record LiveSessions(@JsonProperty("items") Map<String, LiveSessionMessage> items) {
    }

    public record Images(@JsonProperty("items") Map<String, Image> items) {
    }

    public record Image(@JsonProperty("Name") String name) {
    }

    public record KillStatus(@JsonProperty("success") boolean success) {
    }
}
