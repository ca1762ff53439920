package io.antidote.tf.dryrun;

import io.antidote.tf.terraform.Diagnostic;
import io.antidote.tf.terraform.ProviderUnavailableException;
import io.antidote.tf.terraform.RunReport;
import io.antidote.tf.terraform.SavedPlan;
import io.antidote.tf.terraform.StackId;
import io.antidote.tf.terraform.Terraform;
import io.antidote.tf.terraform.TerraformException;
import io.antidote.tf.terraform.Workspace;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans one stack in a workspace of its own ({@code init}, {@code plan}, then the workspace is removed): the
 * per-stack mode, and the batch mode's way for a stack that cannot be a module or failed in a batch. A failure is
 * an outcome, never an exception. A provider terraform cannot install is recorded in the run's
 * {@link MissingProvider}; once one is, no stack is planned.
 */
final class StackPlanner {
    /** How a stack's workspace gets what {@code terraform init} makes. */
    interface Init {
        void init(Workspace ws, String stackJson) throws IOException;
    }

    private final Terraform terraform;
    private final String instanceId;
    private final Progress progress;
    private final MissingProvider missing;

    StackPlanner(Terraform terraform, String instanceId, Progress progress, MissingProvider missing) {
        this.terraform = terraform;
        this.instanceId = instanceId;
        this.progress = progress;
        this.missing = missing;
    }

    /** Plans {@code stack}, whose synthesis started at {@code t0} ({@link System#nanoTime}), and reports it. */
    StackOutcome plan(LessonStack stack, long t0, Init init) {
        String lesson = stack.lessonSlug();
        String name = stack.stack().name();
        StackOutcome.Step step = StackOutcome.Step.INIT;
        Workspace ws = null;
        StackOutcome outcome;
        try {
            missing.checkNotFound();
            ws = terraform.workspaces().open(new StackId(instanceId, stack.liveLessonId()));
            ws.writeStack(stack.stack().json());
            progress.step(lesson, "init");
            init.init(ws, stack.stack().json());
            missing.checkNotFound();
            step = StackOutcome.Step.PLAN;
            progress.step(lesson, "plan");
            SavedPlan plan = terraform.plan(ws, null);
            outcome = StackOutcome.planned(lesson, name, plan.summary(), since(t0));
        } catch (ProviderUnavailableException e) {
            missing.found(e);
            outcome = StackOutcome.failed(lesson, name, step, e.reason(), diagnostics(e), since(t0));
        } catch (MissingProvider.Skipped e) {
            outcome = StackOutcome.failed(lesson, name, step, e.getMessage(), List.of(), since(t0));
        } catch (TerraformException e) {
            outcome = StackOutcome.failed(lesson, name, step, oneLine(e.getMessage()), diagnostics(e), since(t0));
        } catch (RuntimeException | IOException e) {
            outcome = StackOutcome.failed(lesson, name, step, oneLine(String.valueOf(e)), List.of(), since(t0));
        } finally {
            if (ws != null) {
                try {
                    terraform.workspaces().remove(ws);
                } catch (RuntimeException e) {
                    // the run's temporary work directory is removed as a whole afterwards
                }
            }
        }
        progress.finished(outcome);
        return outcome;
    }

    /** Terraform's error diagnostics, or the tail of its output when it reported none. */
    static List<String> diagnostics(TerraformException e) {
        RunReport report = e.report().orElse(null);
        if (report == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (Diagnostic d : report.errors()) {
            lines.add(d.oneLine() + (d.detail().isEmpty() ? "" : "\n  " + d.detail().replace("\n", "\n  ")));
        }
        if (lines.isEmpty() && !report.outputTail().isEmpty()) {
            lines.add(report.outputTail());
        }
        return lines;
    }

    static String oneLine(String message) {
        if (message == null) {
            return "failed";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
