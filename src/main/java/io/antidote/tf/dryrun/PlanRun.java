package io.antidote.tf.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import io.antidote.tf.curriculum.Problem;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.terraform.Terraform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The plan-only dry run: each selected lesson is synthesized (one at a time, jsii is single-threaded) and planned
 * with terraform, by a pool of {@code parallel} workers; every workspace is removed afterwards. A stack's failure is
 * an outcome, never an exception; lessons that failed validation are failed outcomes with their problems. Nothing
 * is ever applied.
 *
 * <p>{@link PlanMode#PER_STACK}: each stack is handed to the pool as soon as it is synthesized and planned in a
 * workspace of its own ({@link StackPlanner}, {@link FirstInit}).
 *
 * <p>{@link PlanMode#BATCH}: the {@code init} of the provider set the target is expected to need starts as soon as
 * the lessons are known ({@link GroupInits}), beside the synthesis. Once every stack is synthesized, the stacks are
 * grouped by provider requirements; each group is split into roots ({@link Chunks}) planned by one terraform each
 * ({@link BatchPlanner}), after the group's one {@code init}. A stack that cannot be a module ({@link StackModule})
 * is planned on its own.
 *
 * <p>In both modes, when terraform cannot install a provider the stacks need ({@link MissingProvider}), no other
 * stack is tried and the run ends with one line naming the provider, instead of a report of identical failures.
 */
public final class PlanRun {
    private final Terraform terraform;
    private final DryRunStacks stacks;
    private final String instanceId;
    private final PlanOptions options;
    private final Progress progress;
    private final PlanEvents events;

    /**
     * @param events the listener the {@code terraform} runner was opened with (the batch mode reads the plans'
     *        changes from it)
     */
    public PlanRun(Terraform terraform, DryRunStacks stacks, String instanceId, PlanOptions options, Progress progress,
            PlanEvents events) {
        this.terraform = terraform;
        this.stacks = stacks;
        this.instanceId = instanceId;
        this.options = options;
        this.progress = progress;
        this.events = events;
    }

    /** The per-stack mode. */
    public PlanRun(Terraform terraform, DryRunStacks stacks, String instanceId, int parallel, Progress progress) {
        this(terraform, stacks, instanceId, PlanOptions.perStack(parallel), progress, new PlanEvents());
    }

    /**
     * Plans every selected lesson.
     *
     * @throws DryRunException when terraform cannot install a provider the stacks need (every stack of it would
     *         fail the same way): one line naming the provider, instead of a report of identical failures
     */
    public PlanReport run(LessonSelection selection) {
        long start = System.nanoTime();
        Map<String, CompletableFuture<StackOutcome>> outcomes = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(options.parallel(), r -> {
            Thread t = new Thread(r, "plan-worker");
            t.setDaemon(true);
            return t;
        });
        MissingProvider missing = new MissingProvider(progress);
        StackPlanner single = new StackPlanner(terraform, instanceId, progress, missing);
        try (FirstInit firstInit = new FirstInit(terraform, missing);
                GroupInits inits = new GroupInits(terraform, instanceId, pool)) {
            for (InvalidLesson invalid : selection.invalid()) {
                StackOutcome o = StackOutcome.failed(invalid.name(), "", StackOutcome.Step.VALIDATION,
                        invalid.problems().size() + " curriculum problem(s)",
                        invalid.problems().stream().map(Problem::format).toList(), Duration.ZERO);
                progress.finished(o);
                outcomes.put("\0" + invalid.name(), CompletableFuture.completedFuture(o));
            }
            boolean batch = options.mode() == PlanMode.BATCH;
            if (batch && !selection.lessons().isEmpty()) {
                options.expectedRequirements().ifPresent(r -> inits.start(r, keys(selection.lessons())));
            }
            Map<String, Long> t0 = new HashMap<>();
            List<LessonStack> synthesized = new ArrayList<>();
            for (Lesson lesson : selection.lessons()) {
                if (missing.isFound()) {
                    break; // no other stack is tried
                }
                t0.put(lesson.slug(), System.nanoTime());
                progress.step(lesson.slug(), "synth");
                LessonStack stack;
                try {
                    stack = stacks.synth(lesson);
                } catch (RuntimeException e) {
                    StackOutcome o = StackOutcome.failed(lesson.slug(), "", StackOutcome.Step.SYNTH,
                            StackPlanner.oneLine(e.getMessage()), List.of(), StackPlanner.since(t0.get(lesson.slug())));
                    progress.finished(o);
                    outcomes.put(lesson.slug(), CompletableFuture.completedFuture(o));
                    continue;
                }
                if (batch) {
                    StackModule.requirementsOf(stack.stack().json()).flatMap(inits::unavailable)
                            .ifPresent(missing::found);
                    synthesized.add(stack);
                    outcomes.put(lesson.slug(), new CompletableFuture<>());
                } else {
                    long t = t0.get(lesson.slug());
                    outcomes.put(lesson.slug(), CompletableFuture.supplyAsync(() -> single.plan(stack, t, firstInit),
                            pool));
                }
            }
            if (batch) {
                missing.throwIfFound(0); // found during synthesis: no batch was started
                planBatches(synthesized, t0, outcomes, pool, single, firstInit, inits, missing);
            }
            List<StackOutcome> all = outcomes.values().stream().map(CompletableFuture::join).toList();
            missing.throwIfFound(all.stream().filter(StackOutcome::ok).count());
            return new PlanReport(all, terraform.version().text(), StackPlanner.since(start));
        } finally {
            pool.shutdownNow();
            progress.close();
        }
    }

    /** Groups the stacks by provider requirements and hands each group's roots to the pool. */
    private void planBatches(List<LessonStack> synthesized, Map<String, Long> t0,
            Map<String, CompletableFuture<StackOutcome>> outcomes, ExecutorService pool, StackPlanner single,
            FirstInit firstInit, GroupInits inits, MissingProvider missing) {
        Map<JsonNode, List<StackModule>> groups = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>();
        for (LessonStack stack : synthesized) {
            String key = ModuleKeys.of(stack.lessonSlug());
            Optional<StackModule> module = keys.add(key) ? StackModule.of(stack, key) : Optional.empty();
            if (module.isPresent()) {
                groups.computeIfAbsent(module.get().requirements(), r -> new ArrayList<>()).add(module.get());
            } else {
                long t = t0.get(stack.lessonSlug());
                CompletableFuture<StackOutcome> target = outcomes.get(stack.lessonSlug());
                CompletableFuture.supplyAsync(() -> single.plan(stack, t, firstInit), pool).whenComplete((o, error) ->
                        target.complete(error == null ? o : crashed(stack, error, t0)));
            }
        }
        BatchPlanner planner = new BatchPlanner(terraform, instanceId, progress, events, single, missing);
        int g = 0;
        for (Map.Entry<JsonNode, List<StackModule>> group : groups.entrySet()) {
            g++;
            CompletableFuture<GroupInits.Result> init = inits.start(group.getKey(),
                    Set.copyOf(group.getValue().stream().map(StackModule::key).toList()));
            int c = 0;
            for (List<StackModule> chunk : Chunks.split(group.getValue(), options.parallel(), options.batchSize())) {
                String name = "batch-" + g + "-" + (++c);
                CompletableFuture.supplyAsync(() -> planner.plan(name, group.getKey(), chunk, init, t0), pool)
                        .whenComplete((list, error) -> {
                            for (int i = 0; i < chunk.size(); i++) {
                                StackModule m = chunk.get(i);
                                CompletableFuture<StackOutcome> f = outcomes.get(m.stack().lessonSlug());
                                if (error == null) {
                                    f.complete(list.get(i));
                                } else {
                                    f.complete(crashed(m.stack(), error, t0));
                                }
                            }
                        });
            }
        }
    }

    /** The outcome of a lesson whose root failed in an unexpected way (reported, not thrown). */
    private StackOutcome crashed(LessonStack stack, Throwable error, Map<String, Long> t0) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        StackOutcome o = StackOutcome.failed(stack.lessonSlug(), stack.stack().name(), StackOutcome.Step.PLAN,
                StackPlanner.oneLine(String.valueOf(cause)), List.of(), StackPlanner.since(t0.get(stack.lessonSlug())));
        progress.finished(o);
        return o;
    }

    private static Set<String> keys(List<Lesson> lessons) {
        Set<String> keys = new LinkedHashSet<>();
        lessons.forEach(l -> keys.add(ModuleKeys.of(l.slug())));
        return keys;
    }
}
