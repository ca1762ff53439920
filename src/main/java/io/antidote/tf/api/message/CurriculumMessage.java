package io.antidote.tf.api.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.antidote.tf.lesson.CurriculumInfo;

/** The reference's {@code CurriculumInfo} message. */
public record CurriculumMessage(
        @JsonProperty("Name") String name,
        @JsonProperty("Description") String description,
        @JsonProperty("Website") String website,
        @JsonProperty("AVer") String aVer,
        @JsonProperty("GitRoot") String gitRoot) {

    public static CurriculumMessage of(CurriculumInfo c) {
        return new CurriculumMessage(c.name(), c.description(), c.website(), c.aVer(), c.gitRoot());
    }
}
