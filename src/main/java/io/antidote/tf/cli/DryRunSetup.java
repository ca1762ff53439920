package io.antidote.tf.cli;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.curriculum.CurriculumLoader;
import io.antidote.tf.curriculum.LoadResult;
import io.antidote.tf.dryrun.DryRunSettings;
import io.antidote.tf.dryrun.LessonSelection;
import java.nio.file.Path;

/**
 * What {@code synth} and {@code plan} read before doing anything: the configuration, the curriculum (all of it,
 * every problem), the selection of lessons and the dry-run settings. Each step fails with a usage error naming what
 * is wrong.
 */
record DryRunSetup(AntidoteConfig config, LoadResult loaded, LessonSelection selection, DryRunSettings settings) {

    /** The curriculum, selection and settings of {@code options}, with their configuration {@code config}. */
    static DryRunSetup from(LessonOptions options, AntidoteConfig config) {
        DryRunSettings settings = options.settings();
        Path dir = options.curriculum != null ? options.curriculum : config.curriculumDir();
        LoadResult loaded = CurriculumLoader.load(dir);
        LessonSelection selection = LessonSelection.of(loaded, config.tier(), options.slugs());
        return new DryRunSetup(config, loaded, selection, settings);
    }
}
