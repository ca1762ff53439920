package io.antidote.tf.cli;

import io.antidote.tf.backend.terraform.StackDrift;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.dryrun.PlanReport;
import io.antidote.tf.dryrun.StackOutcome;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.terraform.PlanSummary;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code antidote-tf drift}: a refresh-only plan ({@code terraform plan -refresh-only -detailed-exitcode}) of every
 * READY livelesson in the state database, one at a time, each holding its livelesson (one busy for ten seconds is
 * reported as such), reported like {@code plan}: text or JSON on stdout, Markdown and JSON files. Nothing is changed,
 * neither the infrastructure nor the state. Exit 0 when every stack was checked, 1 when any check failed, 2 with
 * {@code --detailed-exitcode} when none failed and any drifted.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Refresh-only plan of every READY livelesson: what changed outside terraform.")
public final class DriftCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LifecycleOptions options;

    @Mixin
    ReportOptions reports;

    @Override
    public Integer call() {
        reports.checkWritable();
        PrintWriter err = spec.commandLine().getErr();
        AntidoteConfig config = options.load();
        long start = System.nanoTime();
        PlanReport report;
        try (Lifecycle lc = Lifecycle.open(options, config, null, new ResourceProgress(err))) {
            List<LiveLesson> ready = lc.db.listLiveLessons().stream()
                    .filter(l -> l.status() == LiveLessonStatus.READY && !l.error())
                    .sorted(Comparator.comparing(LiveLesson::createdTime).thenComparing(LiveLesson::id)).toList();
            List<StackOutcome> outcomes = new ArrayList<>();
            for (LiveLesson l : ready) {
                outcomes.add(outcome(lc.backend.drift(l.id())));
            }
            report = new PlanReport(outcomes, lc.backend.terraformVersion(), Duration.ofNanos(System.nanoTime()
                    - start), PlanReport.Kind.DRIFT);
        }
        return reports.publish(report, spec.commandLine().getOut());
    }

    /** A drift check as a report row: counts are what changed outside terraform (deleted: destroy; else change). */
    static StackOutcome outcome(StackDrift d) {
        String lesson = d.lessonSlug().isEmpty() ? d.liveLessonId() : d.lessonSlug();
        if (d.result() == null) {
            return StackOutcome.failed(lesson, d.stack(), StackOutcome.Step.PLAN, d.failure(), d.diagnostics(),
                    d.elapsed());
        }
        int deleted = (int) d.result().changes().stream().filter(c -> c.endsWith(": delete outside terraform")
                || c.endsWith(": delete")).count();
        int changed = d.result().changes().size() - deleted;
        if (d.result().drifted() && changed + deleted == 0) {
            changed = 1;
        }
        return new StackOutcome(lesson, d.stack(), StackOutcome.Step.PLANNED,
                new PlanSummary(0, changed, 0, deleted, "refresh-only"), "", d.result().changes(), d.elapsed());
    }
}
