package io.antidote.tf.cli;

import io.antidote.tf.config.RunnerConfig;
import io.antidote.tf.dryrun.DryRunException;
import io.antidote.tf.dryrun.DryRunStacks;
import io.antidote.tf.dryrun.OutputFiles;
import io.antidote.tf.dryrun.PlanReport;
import io.antidote.tf.dryrun.PlanRun;
import io.antidote.tf.dryrun.PlanSettings;
import io.antidote.tf.dryrun.Progress;
import io.antidote.tf.dryrun.Synthesizers;
import io.antidote.tf.stack.StackSynthesizer;
import io.antidote.tf.terraform.StateBackend;
import io.antidote.tf.terraform.Terraform;
import io.antidote.tf.terraform.TerraformListener;
import io.opentracing.util.GlobalTracer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code antidote-tf plan}: the plan-only dry run. Every selected lesson is synthesized, then {@code terraform init}
 * and {@code plan} run in a temporary workspace per stack (removed afterwards), up to {@code --parallel} at once,
 * with local state only: nothing is ever applied or stored. Exit 0 when every stack planned, 1 when any failed,
 * 2 with {@code --detailed-exitcode} when none failed and any would change.
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

    @Option(names = "--parallel", paramLabel = "N", description = "Stacks planned at once (default: the cores).")
    Integer parallel;

    @Override
    public Integer call() throws IOException {
        int workers = parallel != null ? parallel : Runtime.getRuntime().availableProcessors();
        if (workers < 1) {
            throw DryRunException.usage("--parallel must be at least 1, not " + workers);
        }
        QuietLogs.forCommands();
        DryRunSetup setup = DryRunSetup.from(options);
        reports.checkWritable();
        PlanReport report;
        Path workDir = Files.createTempDirectory("antidote-tf-plan-");
        try (StackSynthesizer synthesizer = Synthesizers.open(setup.config(), setup.settings().imageVersion())) {
            DryRunStacks stacks = new DryRunStacks(setup.config(), setup.loaded().curriculum(), setup.settings(),
                    synthesizer);
            stacks.check(setup.selection().lessons());
            RunnerConfig runner = PlanSettings.runner(setup.config().backendConfigs().terraform().runner(), workDir,
                    workers);
            Terraform terraform = Terraform.open(runner, new StateBackend.Local(), GlobalTracer.get(),
                    TerraformListener.NONE, List.of());
            PrintWriter err = spec.commandLine().getErr();
            int total = setup.selection().size();
            Progress progress = System.console() != null ? Progress.live(err, total) : Progress.log(err, total);
            report = new PlanRun(terraform, stacks, setup.config().instanceId(), workers, progress)
                    .run(setup.selection());
        } finally {
            OutputFiles.deleteTree(workDir);
        }
        return reports.publish(report, spec.commandLine().getOut());
    }
}
