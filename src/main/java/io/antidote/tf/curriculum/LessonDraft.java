package io.antidote.tf.curriculum;

import io.antidote.tf.lesson.Lesson;
import java.util.List;

/**
 * A lesson file as read, before the checks that need the whole curriculum: the slug, prerequisites and collection
 * it declares (null when missing or wrong) and, when the file itself had no problem, the lesson it describes.
 */
record LessonDraft(FileProblems problems, String slug, List<String> prereqs, String collection, Lesson candidate) {

    /** The lesson, when neither the file nor the curriculum-wide checks found a problem. */
    Lesson lessonIfClean() {
        return problems.any() ? null : candidate;
    }
}
