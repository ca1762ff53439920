package io.antidote.tf.sink;

import io.antidote.tf.AntidoteException;

/** Text that no escaping can carry safely into its sink (a NUL byte for a shell, say); names what and why. */
public final class SinkException extends AntidoteException {
    private static final long serialVersionUID = 1L;

    public SinkException(String message) {
        super(message);
    }
}
