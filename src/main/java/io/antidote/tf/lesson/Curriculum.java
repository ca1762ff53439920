package io.antidote.tf.lesson;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded curriculum: every lesson that validated, every image and collection, keyed by slug in file order.
 *
 * @param root the curriculum directory; lesson directories are relative to it
 */
public record Curriculum(
        Path root,
        CurriculumInfo info,
        Map<String, Lesson> lessons,
        Map<String, Image> images,
        Map<String, Collection> collections) {

    public Curriculum {
        Objects.requireNonNull(root, "root");
        lessons = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lessons));
        images = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(images));
        collections = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(collections));
    }

    public Optional<Lesson> lesson(String slug) {
        return Optional.ofNullable(lessons.get(slug));
    }

    public Optional<Image> image(String slug) {
        return Optional.ofNullable(images.get(slug));
    }
}
