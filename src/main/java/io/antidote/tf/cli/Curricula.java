package io.antidote.tf.cli;

import io.antidote.tf.curriculum.CurriculumLoader;
import io.antidote.tf.curriculum.LoadResult;
import io.antidote.tf.curriculum.Problem;
import io.antidote.tf.curriculum.TierFilter;
import io.antidote.tf.lesson.Curriculum;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.lesson.Tier;
import io.antidote.tf.state.DataManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The curriculum of the lifecycle commands: loaded, filtered by the instance's tier, stored in the DataManager. */
final class Curricula {
    private Curricula() {
    }

    /** Everything under {@code dir} (every problem kept, for naming why a lesson is missing). */
    static LoadResult load(Path dir) {
        return CurriculumLoader.load(dir);
    }

    /** What an instance of {@code tier} offers. */
    static Curriculum offered(LoadResult all, Tier tier) {
        return TierFilter.offeredBy(all.curriculum(), tier);
    }

    /**
     * The lesson {@code slug} the instance offers, or a usage error saying why not: another tier, broken (its first
     * problem), or absent (the lessons there are).
     */
    static Lesson lesson(CommandLine cli, LoadResult all, Tier tier, String slug) {
        Curriculum offered = offered(all, tier);
        if (offered.lessons().containsKey(slug)) {
            return offered.lessons().get(slug);
        }
        Lesson other = all.curriculum().lessons().get(slug);
        if (other != null) {
            throw new ParameterException(cli, "lesson '" + slug + "' is tier " + name(other.tier())
                    + ", which an instance of tier " + name(tier) + " does not offer");
        }
        List<Problem> broken = all.problems().stream()
                .filter(p -> p.file().getNameCount() >= 2 && p.file().getName(0).toString().equals("lessons")
                        && p.file().getName(1).toString().equals(slug)).toList();
        if (!broken.isEmpty()) {
            throw new ParameterException(cli, "lesson '" + slug + "' does not validate: " + broken.get(0).format()
                    + " (antidote-tf validate --curriculum DIR lists every problem)");
        }
        throw new ParameterException(cli, "no lesson '" + slug + "' in the curriculum " + all.curriculum().root()
                + " (lessons: " + String.join(", ", offered.lessons().keySet()) + ")");
    }

    /** Stores the curriculum's images, collections, lessons and info (replacing those with the same slugs). */
    static void store(Curriculum curriculum, DataManager db) {
        db.insertImages(List.copyOf(curriculum.images().values()));
        db.insertCollections(List.copyOf(curriculum.collections().values()));
        db.insertLessons(List.copyOf(curriculum.lessons().values()));
        db.setCurriculumInfo(curriculum.info());
    }

    private static String name(Tier tier) {
        return tier.name().toLowerCase(Locale.ROOT);
    }
}
