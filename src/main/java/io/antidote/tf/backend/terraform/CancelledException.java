package io.antidote.tf.backend.terraform;

import io.antidote.tf.AntidoteException;

/**
 * A CREATE or MODIFY gave way to a DELETE of the same livelesson: it was stopped (terraform cancelled in two phases)
 * or never started. Not a failure of the livelesson: the DELETE destroys what it made.
 */
public class CancelledException extends AntidoteException {
    private static final long serialVersionUID = 1L;

    public CancelledException(String liveLessonId, String operation, Throwable cause) {
        super("livelesson " + liveLessonId + ": " + operation + " cancelled: a DELETE of it takes over", cause);
    }
}
