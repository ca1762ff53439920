package io.antidote.tf.backend.terraform;

import io.antidote.tf.AntidoteException;

/** Another thread or process works on the livelesson's stack, and the wait for it ran out; names who holds it. */
public class BusyException extends AntidoteException {
    private static final long serialVersionUID = 1L;
    private final String liveLessonId;

    public BusyException(String liveLessonId, String holder) {
        super("livelesson " + liveLessonId + " is busy: " + holder);
        this.liveLessonId = liveLessonId;
    }

    public String liveLessonId() {
        return liveLessonId;
    }
}
