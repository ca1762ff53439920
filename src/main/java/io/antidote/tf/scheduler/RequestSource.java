package io.antidote.tf.scheduler;

import java.util.function.Consumer;

/**
 * Where lesson schedule requests come from: an in-process queue ({@link InProcessRequestQueue}) or a message
 * broker ({@link io.antidote.tf.scheduler.nats.NatsRequestSource}).
 *
 * <p>The {@link Scheduler} owns the delivery lifecycle: it calls {@link #start} once, after its start-up pruning,
 * and {@link #close} when it stops. A source does not own the transport it reads from (a broker connection is
 * closed by whoever opened it). A source delivers requests in the order it received them, from one thread at a
 * time, and never lets one bad message stop later ones.
 */
public interface RequestSource extends AutoCloseable {

    /** Starts delivering requests to {@code handler}; returns at once. The handler does not block. */
    void start(Consumer<IncomingRequest> handler);

    /** Stops delivering; after it returns the handler is not called again. Idempotent. */
    @Override
    void close();
}
