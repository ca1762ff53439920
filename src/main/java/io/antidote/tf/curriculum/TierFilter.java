package io.antidote.tf.curriculum;

import io.antidote.tf.lesson.Collection;
import io.antidote.tf.lesson.Curriculum;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.lesson.Tier;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an Antidote instance of a given tier offers: the lessons and collections whose tier ranks at least the
 * instance's ({@link Tier#offeredBy}); a {@code prod} instance offers prod only, a {@code local} one everything.
 * Images are kept whole. Prerequisites may then name lessons the instance does not offer.
 */
public final class TierFilter {
    private TierFilter() {
    }

    public static Curriculum offeredBy(Curriculum curriculum, Tier instanceTier) {
        Map<String, Lesson> lessons = new LinkedHashMap<>();
        curriculum.lessons().forEach((slug, lesson) -> {
            if (lesson.tier().offeredBy(instanceTier)) {
                lessons.put(slug, lesson);
            }
        });
        Map<String, Collection> collections = new LinkedHashMap<>();
        curriculum.collections().forEach((slug, collection) -> {
            if (collection.tier().offeredBy(instanceTier)) {
                collections.put(slug, collection);
            }
        });
        return new Curriculum(curriculum.root(), curriculum.info(), lessons, curriculum.images(), collections);
    }
}
