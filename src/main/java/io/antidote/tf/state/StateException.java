package io.antidote.tf.state;

import io.antidote.tf.AntidoteException;

/** The DataManager could not do what was asked (a duplicate ID, a store that failed). */
public class StateException extends AntidoteException {
    private static final long serialVersionUID = 1L;

    public StateException(String message) {
        super(message);
    }

    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
