package io.antidote.tf.scheduler.nats;

import io.antidote.tf.AntidoteException;

/** The NATS server did not do what was asked on {@link #subject()}. */
public final class BrokerException extends AntidoteException {
    private static final long serialVersionUID = 1L;
    private final String subject;

    public BrokerException(String subject, String message, Throwable cause) {
        super(subject + ": " + message, cause);
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
