package io.antidote.tf.live;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.antidote.tf.lesson.PresentationType;
import java.util.Objects;

/** A presentation of a live endpoint; HTTP ones are routed by {@code hepDomain}. */
public record LivePresentation(
        @JsonProperty("Name") String name,
        @JsonProperty("Port") int port,
        @JsonProperty("Type") PresentationType type,
        @JsonProperty("HepDomain") String hepDomain) {
    public LivePresentation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        hepDomain = hepDomain == null ? "" : hepDomain;
    }
}
