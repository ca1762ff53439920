package io.antidote.tf.tracing;

import io.antidote.tf.AntidoteException;

/**
 * A message's span context could not be written or read: it is not in the Jaeger binary layout. The message says
 * why (for instance "negative baggage count -1 in the span context"); it never holds the message's bytes, which may
 * carry anything.
 */
public final class TraceContextException extends AntidoteException {
    private static final long serialVersionUID = 1L;

    public TraceContextException(String reason) {
        super(reason);
    }
}
