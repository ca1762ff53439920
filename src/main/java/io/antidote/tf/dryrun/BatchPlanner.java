package io.antidote.tf.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import io.antidote.tf.terraform.PlanSummary;
import io.antidote.tf.terraform.ProviderUnavailableException;
import io.antidote.tf.terraform.SavedPlan;
import io.antidote.tf.terraform.StackId;
import io.antidote.tf.terraform.Terraform;
import io.antidote.tf.terraform.TerraformException;
import io.antidote.tf.terraform.TerraformStalledException;
import io.antidote.tf.terraform.TerraformTimeoutException;
import io.antidote.tf.terraform.Workspace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans several stacks of one provider set with one {@code terraform plan} of a {@link BatchRoot}, and reports each
 * lesson as the per-stack mode would: its counts from the plan's changes in its module ({@link PlanChanges}).
 *
 * <p>When the plan fails, each error diagnostic names its lesson ({@link Attribution}): those lessons are planned on
 * their own afterwards ({@link StackPlanner}, whose outcome and diagnostics are what the per-stack mode reports),
 * and the root is planned again without them, until it plans or is empty. An error that names no lesson, a plan
 * that ran past its timeout or stalled, or a root that could not be written, sends every lesson still in the root
 * to be planned on its own. An interrupted plan fails the lessons still in it, as in the per-stack mode. A provider
 * terraform cannot install (found by the set's init, or by any other stack) plans nothing more
 * ({@link MissingProvider}).
 */
final class BatchPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(BatchPlanner.class);
    private final Terraform terraform;
    private final String instanceId;
    private final Progress progress;
    private final PlanEvents events;
    private final StackPlanner single;
    private final MissingProvider missing;

    BatchPlanner(Terraform terraform, String instanceId, Progress progress, PlanEvents events, StackPlanner single,
            MissingProvider missing) {
        this.terraform = terraform;
        this.instanceId = instanceId;
        this.progress = progress;
        this.events = events;
        this.single = single;
        this.missing = missing;
    }

    /**
     * Plans {@code modules} (all with {@code requirements}) in the root {@code name}, after {@code init}.
     *
     * @param t0 when each lesson's synthesis started ({@link System#nanoTime}), by lesson slug
     * @return each lesson's outcome, in the order of {@code modules}; each is also reported to the progress
     */
    List<StackOutcome> plan(String name, JsonNode requirements, List<StackModule> modules,
            CompletableFuture<GroupInits.Result> init, Map<String, Long> t0) {
        modules.forEach(m -> progress.step(m.stack().lessonSlug(), "init"));
        Map<String, StackOutcome> outcomes = new LinkedHashMap<>();
        GroupInits.Result initialized = init.join();
        if (initialized instanceof GroupInits.Failed f && f.error() instanceof ProviderUnavailableException p) {
            missing.found(p);
        }
        if (missing.isFound()) {
            for (StackModule m : modules) {
                report(outcomes, m, skipped(m, t0));
            }
            return ordered(modules, outcomes);
        }
        if (initialized instanceof GroupInits.Failed f) {
            for (StackModule m : modules) {
                report(outcomes, m, StackOutcome.failed(m.stack().lessonSlug(), m.stack().stack().name(),
                        StackOutcome.Step.INIT, StackPlanner.oneLine(f.error().getMessage()),
                        StackPlanner.diagnostics(f.error()), StackPlanner.since(t0.get(m.stack().lessonSlug()))));
            }
            return ordered(modules, outcomes);
        }
        StackPlanner.Init own = initialized instanceof GroupInits.Ready r ? (ws, json) -> r.template().applyTo(ws)
                : (ws, json) -> terraform.init(ws, null);
        Map<String, StackModule> remaining = new LinkedHashMap<>();
        modules.forEach(m -> remaining.put(m.key(), m));
        List<StackModule> alone = new ArrayList<>();
        Workspace ws = null;
        try {
            ws = terraform.workspaces().open(new StackId(instanceId, name));
            BatchRoot.write(ws.dir(), requirements, remaining.values());
            own.init(ws, "");
            while (!remaining.isEmpty()) {
                missing.checkNotFound();
                remaining.values().forEach(m -> progress.step(m.stack().lessonSlug(), "plan"));
                Optional<List<String>> failing = planOnce(ws, remaining, outcomes, t0);
                if (failing.isEmpty()) {
                    break;
                }
                for (String key : failing.get()) {
                    alone.add(remaining.remove(key));
                    BatchRoot.remove(ws.dir(), key);
                }
            }
        } catch (ProviderUnavailableException e) {
            missing.found(e);
            for (StackModule m : remaining.values()) {
                report(outcomes, m, failed(m, StackOutcome.Step.INIT, e, t0));
            }
            remaining.clear();
        } catch (MissingProvider.Skipped e) {
            for (StackModule m : remaining.values()) {
                report(outcomes, m, skipped(m, t0));
            }
            remaining.clear();
        } catch (Interrupted e) {
            for (StackModule m : remaining.values()) {
                report(outcomes, m, failed(m, StackOutcome.Step.PLAN, e.getCause(), t0));
            }
            remaining.clear();
        } catch (IOException | RuntimeException e) {
            LOG.warn("planning {} in one root failed ({}); planning each on its own", remaining.keySet(), e.toString());
            alone.addAll(remaining.values());
            remaining.clear();
        } finally {
            if (ws != null) {
                remove(ws);
            }
        }
        for (StackModule m : alone) {
            outcomes.put(m.key(), single.plan(m.stack(), t0.get(m.stack().lessonSlug()), own));
        }
        return ordered(modules, outcomes);
    }

    /**
     * One plan of the root: on success every remaining lesson gets its outcome and the result is empty; on a
     * failure whose every error names a lesson, the result lists those lessons.
     *
     * @throws Interrupted when the run was interrupted
     * @throws TerraformException when the failure cannot be attributed to lessons (the caller plans each alone)
     */
    private Optional<List<String>> planOnce(Workspace ws, Map<String, StackModule> remaining,
            Map<String, StackOutcome> outcomes, Map<String, Long> t0) {
        events.watch(ws);
        SavedPlan plan;
        try {
            plan = terraform.plan(ws, null);
        } catch (TerraformException e) {
            events.take(ws);
            if (Thread.currentThread().isInterrupted()) {
                throw new Interrupted(e);
            }
            if (e instanceof TerraformTimeoutException || e instanceof TerraformStalledException) {
                throw e;
            }
            Attribution blame = Attribution.of(e.report().map(r -> r.diagnostics()).orElse(List.of()),
                    remaining.keySet());
            if (!blame.complete()) {
                throw e;
            }
            LOG.info("{} failed to plan in a batch; planning the others again without them", blame.lessons());
            return Optional.of(List.copyOf(blame.lessons()));
        }
        Map<String, PlanSummary> counts = PlanChanges.fromEvents(events.take(ws), remaining.keySet())
                .filter(c -> PlanChanges.consistent(c, plan.summary()))
                .orElseGet(() -> PlanChanges.fromShow(terraform.showPlan(plan, null), remaining.keySet()));
        for (StackModule m : remaining.values()) {
            report(outcomes, m, StackOutcome.planned(m.stack().lessonSlug(), m.stack().stack().name(), counts.get(m.key()),
                    StackPlanner.since(t0.get(m.stack().lessonSlug()))));
        }
        return Optional.empty();
    }

    private void report(Map<String, StackOutcome> outcomes, StackModule m, StackOutcome outcome) {
        outcomes.put(m.key(), outcome);
        progress.finished(outcome);
    }

    private static StackOutcome failed(StackModule m, StackOutcome.Step step, Throwable e, Map<String, Long> t0) {
        return StackOutcome.failed(m.stack().lessonSlug(), m.stack().stack().name(), step,
                StackPlanner.oneLine(e.getMessage()), e instanceof TerraformException t ? StackPlanner.diagnostics(t)
                        : List.of(), StackPlanner.since(t0.get(m.stack().lessonSlug())));
    }

    private StackOutcome skipped(StackModule m, Map<String, Long> t0) {
        return StackOutcome.failed(m.stack().lessonSlug(), m.stack().stack().name(), StackOutcome.Step.INIT,
                missing.notPlanned(), List.of(), StackPlanner.since(t0.get(m.stack().lessonSlug())));
    }

    private static List<StackOutcome> ordered(List<StackModule> modules, Map<String, StackOutcome> outcomes) {
        return modules.stream().map(m -> outcomes.get(m.key())).toList();
    }

    private void remove(Workspace ws) {
        try {
            terraform.workspaces().remove(ws);
        } catch (RuntimeException e) {
            // the run's temporary work directory is removed as a whole afterwards
        }
    }

    /** The run was interrupted while planning. */
    private static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted(TerraformException cause) {
            super(cause);
        }
    }
}
