package io.antidote.tf.dryrun;

import io.antidote.tf.stack.SynthesizedStack;
import java.util.Objects;

/**
 * A lesson's synthesized dry-run stack.
 *
 * @param lessonSlug the lesson; also the stack's directory name in a CDKTF output directory
 * @param liveLessonId the dry-run livelesson's ID
 * @param stack the Terraform JSON, named by the livelesson's UULLID
 */
public record LessonStack(String lessonSlug, String liveLessonId, SynthesizedStack stack) {
    public LessonStack {
        Objects.requireNonNull(lessonSlug, "lessonSlug");
        Objects.requireNonNull(liveLessonId, "liveLessonId");
        Objects.requireNonNull(stack, "stack");
    }
}
