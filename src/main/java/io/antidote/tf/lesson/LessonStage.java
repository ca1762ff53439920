package io.antidote.tf.lesson;

import java.util.Objects;

/** One stage (chapter) of a lesson; stage N's files live in {@code stage<N>/} of the lesson directory. */
public record LessonStage(int index, String description, GuideType guideType, String stageVideo) {
    public LessonStage {
        Objects.requireNonNull(guideType, "guideType");
        description = description == null ? "" : description;
        stageVideo = stageVideo == null ? "" : stageVideo;
        if (index < 0) {
            throw new IllegalArgumentException("stage index " + index + " is negative");
        }
    }

    /** The stage's directory name, {@code stage<N>}. */
    public String directory() {
        return "stage" + index;
    }
}
