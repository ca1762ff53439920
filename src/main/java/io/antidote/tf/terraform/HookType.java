package io.antidote.tf.terraform;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The resource-progress message types of the {@code -json} stream. */
public enum HookType {
    APPLY_START, APPLY_PROGRESS, APPLY_COMPLETE, APPLY_ERRORED,
    REFRESH_START, REFRESH_COMPLETE,
    PROVISION_START, PROVISION_PROGRESS, PROVISION_COMPLETE, PROVISION_ERRORED;

    private static final Map<String, HookType> BY_WIRE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(HookType::wire, Function.identity()));

    /** The {@code type} value on the wire, e.g. {@code apply_complete}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<HookType> fromWire(String type) {
        return Optional.ofNullable(BY_WIRE.get(type));
    }

    /** Whether this type ends a resource's work in failure. */
    public boolean failed() {
        return switch (this) {
            case APPLY_ERRORED, PROVISION_ERRORED -> true;
            case APPLY_START, APPLY_PROGRESS, APPLY_COMPLETE, REFRESH_START, REFRESH_COMPLETE, PROVISION_START,
                    PROVISION_PROGRESS, PROVISION_COMPLETE -> false;
        };
    }
}
