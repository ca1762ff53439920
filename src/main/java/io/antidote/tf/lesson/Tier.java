package io.antidote.tf.lesson;

/** Release tier of a lesson, collection or instance. An instance of tier T offers lessons ranking at least T. */
public enum Tier implements Keyword {
    PROD(3), PTR(2), LOCAL(1);

    private final int rank;

    Tier(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** Whether a lesson of this tier is offered by an instance configured with {@code instanceTier}. */
    public boolean offeredBy(Tier instanceTier) {
        return rank >= instanceTier.rank;
    }
}
