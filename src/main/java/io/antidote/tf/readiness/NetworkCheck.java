package io.antidote.tf.readiness;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A check that talks to its target over the network: each attempt resolves the target's address first (a host
 * name that cannot be resolved is a definite failure, {@link CheckTarget#unresolvable()}), then asks the protocol.
 */
abstract class NetworkCheck implements ReadinessCheck {
    private final CheckTarget target;

    NetworkCheck(CheckTarget target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public final CheckTarget target() {
        return target;
    }

    @Override
    public final CheckOutcome attempt(Duration timeout) {
        Optional<InetSocketAddress> resolved = target.socketAddress();
        return resolved.isEmpty() ? target.unresolvable() : attempt(resolved.get(), timeout);
    }

    /** Tries once against the resolved address. */
    abstract CheckOutcome attempt(InetSocketAddress address, Duration timeout);
}
