package io.antidote.tf.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.lesson.Curriculum;
import io.antidote.tf.lesson.Tier;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An instance of tier T offers the lessons and collections ranking at least T (prod 3, ptr 2, local 1). */
class TierFilterTest {

    private static Curriculum loadFor(Tier tier) {
        return CurriculumLoader.load(Fixture.resource("valid"), tier).curriculum();
    }

    @Test
    void aProdInstanceOffersProdLessonsOnly() {
        assertThat(loadFor(Tier.PROD).lessons().keySet()).containsExactly("basics");
    }

    @Test
    void aPtrInstanceOffersProdAndPtrLessons() {
        assertThat(loadFor(Tier.PTR).lessons().keySet()).containsExactly("basics", "routing");
    }

    @Test
    void aLocalInstanceOffersEverything() {
        assertThat(loadFor(Tier.LOCAL).lessons().keySet()).containsExactly("basics", "routing", "sandbox");
    }

    @Test
    void collectionsAreFilteredLikeLessonsAndImagesAreKept(@TempDir Path tmp) {
        Fixture f = Fixture.copyOf("valid", tmp).edit("collections/acme/collection.meta.yaml", "tier: prod", "tier: local")
                .edit("lessons/routing/lesson.meta.yaml", "collection: acme\n", "");
        assertThat(CurriculumLoader.load(f.root, Tier.PTR).curriculum().collections()).isEmpty();
        assertThat(CurriculumLoader.load(f.root, Tier.LOCAL).curriculum().collections()).containsOnlyKeys("acme");
        assertThat(CurriculumLoader.load(f.root, Tier.PROD).curriculum().images()).containsOnlyKeys("utility", "vqfx");
    }

    @Test
    void problemsOfLessonsOutsideTheTierAreStillReported(@TempDir Path tmp) {
        Fixture f = Fixture.copyOf("valid", tmp).edit("lessons/sandbox/lesson.meta.yaml", "port: 8080", "port: 0");
        LoadResult result = CurriculumLoader.load(f.root, Tier.PROD);
        assertThat(result.problems()).extracting(Problem::format).containsExactly(
                "lessons/sandbox/lesson.meta.yaml: endpoints[0].presentations[0].port: port 0 is not in 1..65535");
        assertThat(result.curriculum().lessons().keySet()).containsExactly("basics");
    }
}
