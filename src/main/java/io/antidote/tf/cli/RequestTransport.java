package io.antidote.tf.cli;

import io.antidote.tf.AntidoteException;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.scheduler.CompletionSink;
import io.antidote.tf.scheduler.InProcessRequestQueue;
import io.antidote.tf.scheduler.RequestPublisher;
import io.antidote.tf.scheduler.RequestSource;
import io.antidote.tf.scheduler.nats.NatsCompletionSink;
import io.antidote.tf.scheduler.nats.NatsRequestPublisher;
import io.antidote.tf.scheduler.nats.NatsRequestSource;
import io.antidote.tf.scheduler.nats.WireFormat;
import io.antidote.tf.tracing.Redactor;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.opentracing.Tracer;
import java.io.IOException;
import java.time.Duration;

/**
 * How {@code serve}'s API hands requests to a scheduler ({@code scheduler.queue}): in process (one queue, this
 * process's scheduler takes everything the API sends; nobody listens for completions), or over NATS at
 * {@code natsUrl} in the reference's wire format: the API publishes on {@code antidote.lsr.incoming}, the scheduler
 * takes from it in the queue group {@code antidote-tf-<instanceId>} (so among several instances exactly one runs each
 * request), and successful CREATEs go to {@code antidote.lsr.completed}. Owns the NATS connection.
 */
final class RequestTransport implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    final RequestPublisher publisher;
    final RequestSource source;
    final CompletionSink completions;
    /** How requests travel, for the start line. */
    final String description;
    private final Connection nats;

    private RequestTransport(RequestPublisher publisher, RequestSource source, CompletionSink completions,
            String description, Connection nats) {
        this.publisher = publisher;
        this.source = source;
        this.completions = completions;
        this.description = description;
        this.nats = nats;
    }

    static RequestTransport open(AntidoteConfig config, Tracer tracer) {
        if (!config.scheduler().overNats()) {
            InProcessRequestQueue queue = new InProcessRequestQueue();
            return new RequestTransport(queue, queue, CompletionSink.NONE, "requests in process", null);
        }
        Connection connection = connect(config.natsUrl());
        WireFormat wire = new WireFormat(tracer);
        String group = queueGroup(config);
        return new RequestTransport(new NatsRequestPublisher(connection, wire),
                new NatsRequestSource(connection, wire, group), new NatsCompletionSink(connection, wire),
                "requests over NATS at " + Redactor.shared().redact(config.natsUrl()) + " (queue group " + group + ")",
                connection);
    }

    /** The queue group every instance of one instanceId takes requests in. */
    static String queueGroup(AntidoteConfig config) {
        return "antidote-tf-" + config.instanceId();
    }

    /** The NATS connection's state in a word, or null without NATS. */
    String natsStatus() {
        return nats == null ? null : nats.getStatus().name().toLowerCase(java.util.Locale.ROOT);
    }

    boolean natsConnected() {
        return nats == null || nats.getStatus() == Connection.Status.CONNECTED;
    }

    private static Connection connect(String url) {
        BrokerLog log = new BrokerLog();
        Options natsOptions = new Options.Builder().server(url).connectionTimeout(CONNECT_TIMEOUT)
                .maxReconnects(-1).connectionName("antidote-tf").errorListener(log).connectionListener(log)
                .build();
        try {
            Connection connection = Nats.connect(natsOptions);
            log.connected();
            return connection;
        } catch (IOException e) {
            throw new AntidoteException("cannot connect to NATS at " + Redactor.shared().redact(url) + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AntidoteException("interrupted while connecting to NATS at " + Redactor.shared().redact(url), e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (nats != null) {
            nats.close();
        }
    }
}
