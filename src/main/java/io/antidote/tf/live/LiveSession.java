package io.antidote.tf.live;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/** A learner's session; livelessons of a {@code persistent} session are never garbage-collected. */
public record LiveSession(
        @JsonProperty("id") String id,
        @JsonProperty("sourceIP") String sourceIp,
        @JsonProperty("persistent") boolean persistent,
        @JsonProperty("CreatedTime") Instant createdTime) {
    public LiveSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdTime, "createdTime");
        sourceIp = sourceIp == null ? "" : sourceIp;
    }

    public LiveSession withPersistent(boolean newPersistent) {
        return new LiveSession(id, sourceIp, newPersistent, createdTime);
    }
}
