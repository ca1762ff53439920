package io.antidote.tf.live;

import io.antidote.tf.AntidoteException;

/** A livelesson cannot be made of a lesson: an unknown stage, an image without metadata, an unreadable guide. */
public class LiveLessonCreationException extends AntidoteException {
    private static final long serialVersionUID = 1L;
    private final String lessonSlug;

    public LiveLessonCreationException(String lessonSlug, String problem, Throwable cause) {
        super("lesson " + lessonSlug + ": " + problem, cause);
        this.lessonSlug = lessonSlug;
    }

    public String lessonSlug() {
        return lessonSlug;
    }
}
