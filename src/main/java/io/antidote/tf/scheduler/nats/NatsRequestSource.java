package io.antidote.tf.scheduler.nats;

import io.antidote.tf.scheduler.IncomingRequest;
import io.antidote.tf.scheduler.RequestSource;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests from the reference's API over NATS: subscribes to {@value NatsSubjects#INCOMING} and decodes each
 * message with {@link WireFormat}. A message that does not decode is logged (subject, reason, length, excerpt)
 * and dropped; the subscription goes on. Does not own the connection.
 *
 * <p>With a queue group, NATS hands each message to one member of the group only: several instances subscribed in
 * the same group share the requests, and none runs a request another one took.
 */
public final class NatsRequestSource implements RequestSource {
    private static final Logger LOG = LoggerFactory.getLogger(NatsRequestSource.class);
    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(10);

    private final Connection connection;
    private final WireFormat wire;
    private final String queueGroup;
    private Dispatcher dispatcher;
    private boolean closed;

    /** Every message of the subject (the reference scheduler's subscription). */
    public NatsRequestSource(Connection connection, WireFormat wire) {
        this(connection, wire, null);
    }

    /** @param queueGroup the queue group to subscribe in; null: a plain subscription, every message */
    public NatsRequestSource(Connection connection, WireFormat wire, String queueGroup) {
        this.connection = connection;
        this.wire = wire;
        this.queueGroup = queueGroup;
    }

    /** Subscribes, and returns once the server has the subscription (later messages are not missed). */
    @Override
    public synchronized void start(Consumer<IncomingRequest> handler) {
        if (dispatcher != null || closed) {
            throw new IllegalStateException("NATS request source already " + (closed ? "closed" : "started"));
        }
        dispatcher = connection.createDispatcher(msg -> deliver(msg.getSubject(), msg.getData(), handler));
        if (queueGroup == null) {
            dispatcher.subscribe(NatsSubjects.INCOMING);
        } else {
            dispatcher.subscribe(NatsSubjects.INCOMING, queueGroup);
        }
        try {
            connection.flush(SUBSCRIBE_TIMEOUT);
        } catch (TimeoutException e) {
            throw new BrokerException(NatsSubjects.INCOMING, "the server did not confirm the subscription within "
                    + SUBSCRIBE_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException(NatsSubjects.INCOMING, "interrupted while subscribing", e);
        }
        LOG.info("taking requests from {}{}", NatsSubjects.INCOMING,
                queueGroup == null ? "" : " in queue group " + queueGroup);
    }

    /** Decodes one message and hands it over; never throws, so one bad message cannot stop the subscription. */
    void deliver(String subject, byte[] data, Consumer<IncomingRequest> handler) {
        IncomingRequest request;
        try {
            request = wire.decode(data == null ? new byte[0] : data);
        } catch (MalformedMessageException e) {
            LOG.warn("dropped a message on {}: {} ({} bytes: {})", subject, e.reason(), e.length(), e.excerpt());
            return;
        } catch (RuntimeException e) {
            LOG.error("dropped a message on {}: it could not be decoded: {}", subject, e.toString(), e);
            return;
        }
        try {
            handler.accept(request);
        } catch (RuntimeException e) {
            LOG.error("a request from {} could not be handed to the scheduler: {}", subject, e.toString(), e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (dispatcher == null) {
            return;
        }
        try {
            connection.closeDispatcher(dispatcher);
        } catch (IllegalStateException e) {
            LOG.debug("the NATS connection was already closed: {}", e.getMessage());
        }
        dispatcher = null;
    }
}
