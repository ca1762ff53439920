package io.antidote.tf.state;

import java.time.Instant;
import java.util.Objects;

/** When an owning process last said it is alive. */
public record OwnerBeat(String owner, Instant beat) {
    public OwnerBeat {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(beat, "beat");
    }
}
