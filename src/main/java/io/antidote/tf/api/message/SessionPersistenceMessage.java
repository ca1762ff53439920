package io.antidote.tf.api.message;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of the operators' persistence route: the reference's {@code SessionPersistence} without the ID. */
public record SessionPersistenceMessage(@JsonProperty(value = "Persistent", required = true) Boolean persistent) {
}
