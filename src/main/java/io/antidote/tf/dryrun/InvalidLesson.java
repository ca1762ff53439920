package io.antidote.tf.dryrun;

import io.antidote.tf.curriculum.Problem;
import java.util.List;
import java.util.Objects;

/**
 * A lesson directory that failed curriculum validation, so it has no stack: reported as a failure with its problems.
 *
 * @param name the lesson's directory name under {@code lessons/} (its slug could not be trusted)
 */
public record InvalidLesson(String name, List<Problem> problems) {
    public InvalidLesson {
        Objects.requireNonNull(name, "name");
        problems = List.copyOf(problems);
    }
}
