package io.antidote.tf.cli;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.dryrun.DryRunSettings;
import io.antidote.tf.dryrun.StackCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options {@code synth} and {@code plan} share: configuration, curriculum, which lessons, and how to make them. */
final class LessonOptions {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Antidote's configuration file.")
    Path config;

    @Option(names = "--curriculum", paramLabel = "DIR",
            description = "The curriculum directory (default: curriculumDir of the configuration).")
    Path curriculum;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = "--stage", paramLabel = "N", defaultValue = "0", description = "The stage to synthesize (default 0).")
    int stage;

    @Option(names = "--livelesson-id", paramLabel = "ID",
            description = "The livelesson ID (one lesson only; default: derived from the lesson slug).")
    String liveLessonId;

    @Option(names = "--session-id", paramLabel = "ID", description = "The livesession ID (default: dryrun).")
    String sessionId;

    @Option(names = "--image-version", paramLabel = "TAG",
            description = "Tag of the platform images (configurator, jupyter; default: latest).")
    String imageVersion;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Keep synthesized stacks in DIR, keyed by everything that decides their bytes, and take "
                    + "them from there when nothing changed (CI re-runs).")
    Path cache;

    /** Exactly one of: named lessons, or all of them. */
    static final class Which {
        @Option(names = "--lesson", arity = "1..*", paramLabel = "SLUG", required = true,
                description = "A lesson to include (repeatable).")
        List<String> lessons;

        @Option(names = "--all", required = true, description = "Every lesson the instance's tier offers.")
        boolean all;
    }

    /** The lessons asked for; empty means all. */
    List<String> slugs() {
        return which.all ? List.of() : List.copyOf(which.lessons);
    }

    /**
     * A cheap guess, before the curriculum is loaded, that the selection will be valid: the curriculum directory
     * exists and, for named lessons, each has a directory of its own. The synthesizer's cold start starts only then
     * (it cannot be abandoned halfway, so a usage error found after it started waits for it).
     */
    boolean probablyValid(AntidoteConfig config) {
        Path dir = curriculum != null ? curriculum : config.curriculumDir();
        if (!Files.isDirectory(dir.resolve("lessons"))) {
            return false;
        }
        return which.all || which.lessons.stream().allMatch(slug -> !slug.contains("/") && !slug.contains("\\")
                && !slug.startsWith(".") && Files.isRegularFile(dir.resolve("lessons").resolve(slug)
                        .resolve("lesson.meta.yaml")));
    }

    /** The stack cache of {@code --cache}, if given. */
    Optional<StackCache> stackCache() {
        return cache == null ? Optional.empty() : Optional.of(StackCache.open(cache, config, BuildInfo.version()));
    }

    DryRunSettings settings() {
        return new DryRunSettings(stage, liveLessonId, sessionId, imageVersion);
    }
}
