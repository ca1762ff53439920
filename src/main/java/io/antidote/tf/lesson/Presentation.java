package io.antidote.tf.lesson;

import java.util.Objects;

/** One way a learner reaches an endpoint: {@code type} on {@code port}. */
public record Presentation(String name, int port, PresentationType type) {
    public Presentation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("presentation " + name + ": port " + port + " is not in 1..65535");
        }
    }
}
