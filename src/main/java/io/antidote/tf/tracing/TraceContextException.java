package io.antidote.tf.tracing;

import io.antidote.tf.AntidoteException;

/** A message's span context could not be written or read: it is not in the Jaeger binary layout. */
public final class TraceContextException extends AntidoteException {
    private static final long serialVersionUID = 1L;

    public TraceContextException(String message) {
        super(message);
    }
}
