package io.antidote.tf.cli;

import io.antidote.tf.dryrun.CdktfOutput;
import io.antidote.tf.dryrun.DryRunException;
import io.antidote.tf.dryrun.DryRunStacks;
import io.antidote.tf.dryrun.InvalidLesson;
import io.antidote.tf.dryrun.LessonStack;
import io.antidote.tf.dryrun.Synthesizers;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.stack.StackSynthesizer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code antidote-tf synth}: writes the stacks of the selected lessons in CDKTF's layout
 * ({@code DIR/manifest.json}, {@code DIR/stacks/<lesson>/cdk.tf.json}), all or nothing. The same inputs give the
 * same bytes. A lesson that fails validation fails the command (exit 1) and nothing is written.
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
        DryRunSetup setup = DryRunSetup.from(options);
        if (!setup.selection().invalid().isEmpty()) {
            InvalidLesson first = setup.selection().invalid().get(0);
            throw new DryRunException(setup.selection().invalid().size() + " selected lesson(s) fail validation, "
                    + "nothing written; first: " + first.name() + ": " + first.problems().get(0).format()
                    + " (antidote-tf validate --curriculum DIR lists all)", false);
        }
        CdktfOutput.checkWritable(out);
        List<Lesson> lessons = setup.selection().lessons();
        List<LessonStack> stacks = new ArrayList<>();
        try (StackSynthesizer synthesizer = Synthesizers.open(setup.config(), setup.settings().imageVersion())) {
            DryRunStacks dryRun = new DryRunStacks(setup.config(), setup.loaded().curriculum(), setup.settings(),
                    synthesizer);
            dryRun.check(lessons);
            for (Lesson lesson : lessons) {
                stacks.add(dryRun.synth(lesson));
            }
        }
        CdktfOutput.write(out, stacks);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("wrote " + stacks.size() + " stack(s) to " + out);
        stdout.flush();
        return ExitCodes.OK;
    }
}
