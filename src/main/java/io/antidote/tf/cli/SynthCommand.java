package io.antidote.tf.cli;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.ConfigLoader;
import io.antidote.tf.dryrun.CdktfOutput;
import io.antidote.tf.dryrun.DryRunException;
import io.antidote.tf.dryrun.DryRunSettings;
import io.antidote.tf.dryrun.DryRunStacks;
import io.antidote.tf.dryrun.InvalidLesson;
import io.antidote.tf.dryrun.LessonStack;
import io.antidote.tf.dryrun.StackCache;
import io.antidote.tf.dryrun.Synthesizers;
import io.antidote.tf.dryrun.WarmSynthesizer;
import io.antidote.tf.lesson.Lesson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code antidote-tf synth}: writes the stacks of the selected lessons in CDKTF's layout
 * ({@code DIR/manifest.json}, {@code DIR/stacks/<lesson>/cdk.tf.json}), all or nothing. The same inputs give the
 * same bytes, synthesized or taken from the {@code --cache}. A lesson that fails validation fails the command
 * (exit 1) and nothing is written. The synthesizer's cold start runs beside the curriculum's loading.
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Synthesize the stacks of lessons into DIR (CDKTF layout: manifest.json, stacks/<lesson>/cdk.tf.json).")
public final class SynthCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LessonOptions options;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The output directory (replaced whole).")
    Path out;

    @Override
    public Integer call() {
        DryRunSettings settings = options.settings();
        AntidoteConfig config = ConfigLoader.load(options.config);
        CdktfOutput.checkWritable(out);
        Optional<StackCache> cache = options.stackCache();
        List<LessonStack> stacks = new ArrayList<>();
        try (WarmSynthesizer synthesizer = Synthesizers.open(config, settings.imageVersion())) {
            if (cache.isEmpty() && options.probablyValid(config)) {
                synthesizer.start();
            }
            DryRunSetup setup = DryRunSetup.from(options, config);
            if (!setup.selection().invalid().isEmpty()) {
                InvalidLesson first = setup.selection().invalid().get(0);
                throw new DryRunException(setup.selection().invalid().size() + " selected lesson(s) fail validation, "
                        + "nothing written; first: " + first.name() + ": " + first.problems().get(0).format()
                        + " (antidote-tf validate --curriculum DIR lists all)", false);
            }
            List<Lesson> lessons = setup.selection().lessons();
            DryRunStacks dryRun = new DryRunStacks(config, setup.loaded().curriculum(), settings, synthesizer, cache);
            dryRun.check(lessons);
            if (dryRun.needsSynthesis(lessons)) {
                synthesizer.start();
            }
            for (Lesson lesson : lessons) {
                stacks.add(dryRun.synth(lesson));
            }
        }
        CdktfOutput.write(out, stacks);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("wrote " + stacks.size() + " stack(s) to " + out
                + cache.map(c -> " (" + c.hits() + " from the cache)").orElse(""));
        stdout.flush();
        return ExitCodes.OK;
    }
}
