package io.antidote.tf.api.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.antidote.tf.live.LiveSession;

/** The reference's {@code LiveSession} message (a new session's answer carries the ID only). */
public record LiveSessionMessage(
        @JsonProperty("ID") String id,
        @JsonProperty("SourceIP") String sourceIp,
        @JsonProperty("Persistent") boolean persistent) {

    public static LiveSessionMessage of(LiveSession s) {
        return new LiveSessionMessage(s.id(), s.sourceIp(), s.persistent());
    }

    /** What {@code POST /exp/livesession} answers: the new ID alone. */
    public static LiveSessionMessage idOnly(String id) {
        return new LiveSessionMessage(id, "", false);
    }
}
