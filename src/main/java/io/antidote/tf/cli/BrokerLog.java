package io.antidote.tf.cli;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code serve}'s NATS connection reports, through this project's logging instead of jnats' own
 * java.util.logging lines: while the first connection is being made, failures are debug only (the command reports
 * a failed connect in its one error line); once connected, errors, disconnections and reconnections are logged.
 */
final class BrokerLog implements ErrorListener, ConnectionListener {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerLog.class);
    private volatile boolean connected;

    /** The first connection is up: from now on problems are worth a warning. */
    void connected() {
        connected = true;
    }

    @Override
    public void errorOccurred(Connection conn, String error) {
        log("NATS error: {}", error);
    }

    @Override
    public void exceptionOccurred(Connection conn, Exception exp) {
        log("NATS connection problem: {}", exp.toString());
    }

    @Override
    public void slowConsumerDetected(Connection conn, Consumer consumer) {
        log("NATS: slow consumer {}", String.valueOf(consumer));
    }

    @Override
    public void connectionEvent(Connection conn, Events type) {
        switch (type) {
            case DISCONNECTED -> log("NATS: disconnected from {}", conn.getConnectedUrl());
            case RECONNECTED -> LOG.info("NATS: reconnected to {}", conn.getConnectedUrl());
            case CONNECTED, CLOSED, RESUBSCRIBED, DISCOVERED_SERVERS, LAME_DUCK ->
                    LOG.debug("NATS: {}", type);
        }
    }

    private void log(String format, String detail) {
        if (connected) {
            LOG.warn(format, detail);
        } else {
            LOG.debug(format, detail);
        }
    }
}
