package io.antidote.tf.cli;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.ConfigLoader;
import io.antidote.tf.config.RunnerConfig;
import io.antidote.tf.dryrun.DryRunSettings;
import io.antidote.tf.dryrun.DryRunStacks;
import io.antidote.tf.dryrun.OutputFiles;
import io.antidote.tf.dryrun.PlanEvents;
import io.antidote.tf.dryrun.PlanMode;
import io.antidote.tf.dryrun.PlanOptions;
import io.antidote.tf.dryrun.PlanReport;
import io.antidote.tf.dryrun.PlanRun;
import io.antidote.tf.dryrun.PlanSettings;
import io.antidote.tf.dryrun.Progress;
import io.antidote.tf.dryrun.StackCache;
import io.antidote.tf.dryrun.Synthesizers;
import io.antidote.tf.dryrun.WarmSynthesizer;
import io.antidote.tf.terraform.StateBackend;
import io.antidote.tf.terraform.Terraform;
import io.opentracing.util.GlobalTracer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code antidote-tf plan}: the plan-only dry run. Every selected lesson is synthesized (or taken from the
 * {@code --cache}), then planned with terraform in temporary workspaces (removed afterwards), with local state only:
 * nothing is ever applied or stored. By default stacks with the same provider requirements are planned together,
 * each as a module of one root, in up to {@code --parallel} roots at once; {@code --per-stack} plans each stack in
 * a workspace of its own. The reports are the same either way. Exit 0 when every stack planned, 1 when any failed,
 * 2 with {@code --detailed-exitcode} when none failed and any would change.
 *
 * <p>The cold start of the synthesizer (CDKTF loading the target's provider bindings) starts on its own thread as
 * soon as the configuration is read and the lessons asked for look present, beside the curriculum's loading and the
 * first {@code terraform init}; with {@code --cache}, only when some stack is not in the cache.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plan-only dry run: synthesize and `terraform plan` the stacks of lessons, report the result.")
public final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LessonOptions options;

    @Mixin
    ReportOptions reports;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Terraform processes at once: batch roots, or stacks with --per-stack (default: the cores).")
    Integer parallel;

    @Option(names = "--per-stack", description = "Plan each stack in a workspace of its own (one terraform per stack).")
    boolean perStack;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "At most N stacks in one batch root (default: ${DEFAULT-VALUE}).")
    int batchSize = PlanOptions.DEFAULT_BATCH_SIZE;

    @Override
    public Integer call() throws IOException {
        int workers = parallel != null ? parallel : Runtime.getRuntime().availableProcessors();
        PlanOptions planOptions = new PlanOptions(perStack ? PlanMode.PER_STACK : PlanMode.BATCH, workers, batchSize,
                Optional.empty());
        QuietLogs.forCommands();
        reports.checkWritable();
        DryRunSettings settings = options.settings();
        AntidoteConfig config = ConfigLoader.load(options.config);
        Optional<StackCache> cache = options.stackCache();
        PlanReport report;
        Path workDir = Files.createTempDirectory("antidote-tf-plan-");
        try (WarmSynthesizer synthesizer = Synthesizers.open(config, settings.imageVersion())) {
            RunnerConfig runner = PlanSettings.runner(config.backendConfigs().terraform().runner(), workDir, workers);
            PlanEvents events = new PlanEvents();
            Terraform terraform = Terraform.open(runner, new StateBackend.Local(), GlobalTracer.get(), events,
                    List.of());
            if (cache.isEmpty() && options.probablyValid(config)) {
                synthesizer.start();
            }
            DryRunSetup setup = DryRunSetup.from(options, config);
            DryRunStacks stacks = new DryRunStacks(config, setup.loaded().curriculum(), settings, synthesizer, cache);
            stacks.check(setup.selection().lessons());
            if (stacks.needsSynthesis(setup.selection().lessons())) {
                synthesizer.start();
            }
            PrintWriter err = spec.commandLine().getErr();
            int total = setup.selection().size();
            Progress progress = System.console() != null ? Progress.live(err, total) : Progress.log(err, total);
            report = new PlanRun(terraform, stacks, config.instanceId(),
                    planOptions.expecting(Synthesizers.expectedRequirements(config)), progress, events)
                    .run(setup.selection());
        } finally {
            OutputFiles.deleteTree(workDir);
        }
        return reports.publish(report, spec.commandLine().getOut());
    }
}
