package io.antidote.tf.state;


/** An update named a livelesson that the DataManager does not hold. */
public class NoSuchLiveLessonException extends StateException {
    private static final long serialVersionUID = 1L;
    private final String liveLessonId;

    public NoSuchLiveLessonException(String liveLessonId) {
        super("no livelesson " + liveLessonId);
        this.liveLessonId = liveLessonId;
    }

    public String liveLessonId() {
        return liveLessonId;
    }
}
