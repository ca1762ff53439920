package io.antidote.tf.curriculum;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one curriculum file; {@code file} is relative to the curriculum directory. */
final class FileProblems {
    private final Path file;
    private final List<Problem> problems = new ArrayList<>();

    FileProblems(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    void add(String field, String reason) {
        problems.add(new Problem(file, field, reason));
    }

    boolean any() {
        return !problems.isEmpty();
    }

    /** How many problems so far: compare before and after a check to see whether it found any. */
    int count() {
        return problems.size();
    }

    List<Problem> all() {
        return List.copyOf(problems);
    }
}
