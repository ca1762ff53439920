package io.antidote.tf.curriculum;

import io.antidote.tf.lesson.Curriculum;
import java.util.List;
import java.util.Objects;

/**
 * What loading a curriculum gave: every lesson, image and collection that validated, and every problem found
 * (in file order). Broken lessons, images and collections are left out of {@code curriculum}.
 */
public record LoadResult(Curriculum curriculum, List<Problem> problems) {

    public LoadResult {
        Objects.requireNonNull(curriculum, "curriculum");
        problems = List.copyOf(problems);
    }

    /** Whether nothing was wrong. */
    public boolean clean() {
        return problems.isEmpty();
    }
}
