package io.antidote.tf.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import io.antidote.tf.curriculum.Problem;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.terraform.Diagnostic;
import io.antidote.tf.terraform.ProviderUnavailableException;
import io.antidote.tf.terraform.RunReport;
import io.antidote.tf.terraform.SavedPlan;
import io.antidote.tf.terraform.StackId;
import io.antidote.tf.terraform.Terraform;
import io.antidote.tf.terraform.TerraformException;
import io.antidote.tf.terraform.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plan-only dry run: each selected lesson is synthesized (one at a time, jsii is single-threaded) and handed to
 * a pool of {@code parallel} workers that run {@code terraform init} and {@code plan} in the stack's own workspace,
 * then remove it. A stack's failure is an outcome, never an exception; lessons that failed validation are failed
 * outcomes with their problems. Nothing is ever applied.
 *
 * <p>The first stack's {@code init} runs alone: an {@code init} without a dependency lock file re-installs the
 * provider into the shared plugin cache, pulling it from under the plans of other stacks that linked it ("there is
 * no package ... cached in .terraform/providers"). What it made is kept as an {@link InitTemplate}: every later stack
 * with the same provider requirements (and no modules) starts from a copy of it and skips {@code init} (about 1.8 s
 * of CPU per stack, hashing the cached provider); any other stack runs its own {@code init} (which the runner starts
 * from the lock file of an earlier init of the same providers, if any).
 */
public final class PlanRun {
    private static final Logger LOG = LoggerFactory.getLogger(PlanRun.class);
    private static final String TEMPLATE_DIR = ".init-template";
    private final Terraform terraform;
    private final DryRunStacks stacks;
    private final String instanceId;
    private final int parallel;
    private final Progress progress;
    private final AtomicBoolean firstClaimed = new AtomicBoolean();
    private final CompletableFuture<Optional<InitTemplate>> template = new CompletableFuture<>();
    private final AtomicReference<ProviderUnavailableException> missingProvider = new AtomicReference<>();

    public PlanRun(Terraform terraform, DryRunStacks stacks, String instanceId, int parallel, Progress progress) {
        if (parallel < 1) {
            throw DryRunException.usage("--parallel must be at least 1, not " + parallel);
        }
        this.terraform = terraform;
        this.stacks = stacks;
        this.instanceId = instanceId;
        this.parallel = parallel;
        this.progress = progress;
    }

    /**
     * Plans every selected lesson.
     *
     * @throws DryRunException when terraform cannot install a provider the stacks need (every stack of it would
     *         fail the same way): one line naming the provider, instead of a report of identical failures
     */
    public PlanReport run(LessonSelection selection) {
        long start = System.nanoTime();
        List<CompletableFuture<StackOutcome>> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "plan-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            for (InvalidLesson invalid : selection.invalid()) {
                StackOutcome o = StackOutcome.failed(invalid.name(), "", StackOutcome.Step.VALIDATION,
                        invalid.problems().size() + " curriculum problem(s)",
                        invalid.problems().stream().map(Problem::format).toList(), Duration.ZERO);
                progress.finished(o);
                outcomes.add(CompletableFuture.completedFuture(o));
            }
            for (Lesson lesson : selection.lessons()) {
                long t0 = System.nanoTime();
                progress.step(lesson.slug(), "synth");
                LessonStack stack;
                try {
                    stack = stacks.synth(lesson);
                } catch (RuntimeException e) {
                    StackOutcome o = StackOutcome.failed(lesson.slug(), "", StackOutcome.Step.SYNTH,
                            oneLine(e.getMessage()), List.of(), since(t0));
                    progress.finished(o);
                    outcomes.add(CompletableFuture.completedFuture(o));
                    continue;
                }
                outcomes.add(CompletableFuture.supplyAsync(() -> plan(stack, t0), pool));
            }
            PlanReport report = new PlanReport(outcomes.stream().map(CompletableFuture::join).toList(),
                    terraform.version().text(), since(start));
            ProviderUnavailableException missing = missingProvider.get();
            if (missing != null) {
                throw new DryRunException(missing.reason() + " (no stack was planned)", false, missing);
            }
            return report;
        } finally {
            pool.shutdownNow();
            template.complete(Optional.empty());
            template.join().ifPresent(InitTemplate::discard);
            progress.close();
        }
    }

    private StackOutcome plan(LessonStack stack, long t0) {
        String lesson = stack.lessonSlug();
        String name = stack.stack().name();
        StackOutcome.Step step = StackOutcome.Step.INIT;
        Workspace ws = null;
        StackOutcome outcome;
        try {
            ws = terraform.workspaces().open(new StackId(instanceId, stack.liveLessonId()));
            ws.writeStack(stack.stack().json());
            progress.step(lesson, "init");
            init(ws, stack.stack().json());
            if (missingProvider.get() != null) {
                throw new SkippedException("not planned: " + missingProvider.get().reason());
            }
            step = StackOutcome.Step.PLAN;
            progress.step(lesson, "plan");
            SavedPlan plan = terraform.plan(ws, null);
            outcome = StackOutcome.planned(lesson, name, plan.summary(), since(t0));
        } catch (ProviderUnavailableException e) {
            missingProvider.compareAndSet(null, e);
            outcome = StackOutcome.failed(lesson, name, step, e.reason(), diagnostics(e), since(t0));
        } catch (SkippedException e) {
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
        if (missingProvider.get() == null) {
            progress.finished(outcome);
        }
        return outcome;
    }

    /** A stack not planned because an earlier one found a provider that cannot be installed. */
    private static final class SkippedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SkippedException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The first caller inits alone and publishes what init made; the others wait for it and start from a copy when
     * their provider requirements are the same, or run their own init.
     */
    private void init(Workspace ws, String stackJson) throws IOException {
        Optional<JsonNode> requirements = InitTemplate.shareableRequirements(stackJson);
        if (firstClaimed.compareAndSet(false, true)) {
            Optional<InitTemplate> made = Optional.empty();
            try {
                terraform.init(ws, null);
                if (requirements.isPresent()) {
                    made = capture(ws, requirements.get());
                }
            } catch (ProviderUnavailableException e) {
                missingProvider.compareAndSet(null, e);
                throw e;
            } finally {
                template.complete(made);
            }
            return;
        }
        Optional<InitTemplate> shared = template.join();
        if (missingProvider.get() != null) {
            return;
        }
        if (shared.isPresent() && requirements.isPresent() && shared.get().fits(requirements.get())) {
            shared.get().applyTo(ws);
            return;
        }
        terraform.init(ws, null);
    }

    /** The template of the first stack's init; without one (logged), every later stack runs its own init. */
    private Optional<InitTemplate> capture(Workspace ws, JsonNode requirements) {
        Path dir = terraform.workspaces().root().resolve(TEMPLATE_DIR);
        try {
            return Optional.of(InitTemplate.capture(ws, requirements, dir));
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not keep what terraform init made in {} for the other stacks: {}", ws.dir(), e.toString());
            new InitTemplate(requirements, dir, "").discard();
            return Optional.empty();
        }
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

    private static String oneLine(String message) {
        if (message == null) {
            return "failed";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
