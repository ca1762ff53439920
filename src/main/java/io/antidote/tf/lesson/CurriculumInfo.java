package io.antidote.tf.lesson;

/** The curriculum's own description, from {@code curriculum.meta.yaml}. */
public record CurriculumInfo(String name, String description, String website, String aVer, String gitRoot) {
}
