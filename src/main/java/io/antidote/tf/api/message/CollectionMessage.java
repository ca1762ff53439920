package io.antidote.tf.api.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.antidote.tf.lesson.Collection;
import io.antidote.tf.lesson.Lesson;
import java.util.List;

/** The reference's {@code Collection} message; {@code Lessons} only when one collection is asked for. */
public record CollectionMessage(
        @JsonProperty("Slug") String slug,
        @JsonProperty("Title") String title,
        @JsonProperty("Image") String image,
        @JsonProperty("Website") String website,
        @JsonProperty("ContactEmail") String contactEmail,
        @JsonProperty("BriefDescription") String briefDescription,
        @JsonProperty("LongDescription") String longDescription,
        @JsonProperty("Type") String type,
        @JsonProperty("Tier") String tier,
        @JsonProperty("CollectionFile") String collectionFile,
        @JsonProperty("Lessons") List<LessonSummary> lessons) {

    public record LessonSummary(
            @JsonProperty("Slug") String slug,
            @JsonProperty("Name") String name,
            @JsonProperty("Description") String description) {
    }

    /** The collection alone (as listed). */
    public static CollectionMessage of(Collection c) {
        return of(c, List.of());
    }

    /** The collection with the lessons of {@code lessons} that belong to it. */
    public static CollectionMessage of(Collection c, List<Lesson> lessons) {
        return new CollectionMessage(c.slug(), c.title(), c.image(), c.website(), c.contactEmail(),
                c.briefDescription(), c.longDescription(), c.type(), c.tier().id(), "",
                lessons.stream().filter(l -> l.collection().equals(c.slug()))
                        .map(l -> new LessonSummary(l.slug(), l.name(), l.description())).toList());
    }
}
