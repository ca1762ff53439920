package io.antidote.tf.lesson;

import java.util.Objects;

/** A collection of lessons (a vendor's, a community's), from {@code collections/<dir>/collection.meta.yaml}. */
public record Collection(
        String slug,
        String title,
        String image,
        String website,
        String contactEmail,
        String briefDescription,
        String longDescription,
        String type,
        Tier tier) {
    public Collection {
        Objects.requireNonNull(slug, "slug");
        tier = tier == null ? Tier.PROD : tier;
    }
}
