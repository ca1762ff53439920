package io.antidote.tf.backend.terraform;

import io.antidote.tf.AntidoteException;
import io.antidote.tf.backend.AntidoteBackend;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.state.DataManager;
import io.antidote.tf.state.Ledger;
import io.antidote.tf.terraform.DriftResult;
import io.antidote.tf.terraform.Workspace;
import io.antidote.tf.tracing.Spans;
import io.opentracing.Span;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * The Terraform backend: each livelesson is one Terraform stack (target {@code aws}, {@code docker} or {@code local})
 * in its own workspace, driven by the terraform runner. Built by {@link TerraformBackendFactory#create}, which does
 * all setup. Design: docs/backend.md.
 *
 * <ul>
 *   <li>CREATE ({@link CreateFlow}): two applies, so configuration comes after reachability and status
 *       CONFIGURATION: the stack without configuration resources, then with the stage's configuration.</li>
 *   <li>MODIFY ({@link ModifyFlow}): status CONFIGURATION, the stack re-applied at the request's stage, READY.</li>
 *   <li>DELETE ({@link Removal}): first recorded and pre-empting ({@link #preempt}): a CREATE or MODIFY of the same
 *       livelesson, here or in another process sharing the state database, is cancelled (terraform in two phases);
 *       then one destroy of the stack, then workspace, routing claims and livelesson state removed whatever
 *       happened; a failed destroy is retried by garbage collection with backoff.</li>
 *   <li>A failed CREATE sets Error with its evidence AT ONCE, then keeps its infrastructure for {@code keepFailedFor}
 *       minutes or destroys it at once. A failed MODIFY leaves the infrastructure as it is, Error=true.</li>
 *   <li>At start ({@link Reconciliation}) livelessons are reconciled with their stacks, unfinished operations
 *       resumed; at every garbage-collection pass ({@link Pruning}) old livelessons are removed and orphaned, kept
 *       and failed stacks destroyed.</li>
 *   <li>Every method is a traced child span; failures carry terraform's evidence (command, diagnostics, output
 *       head/tail, redacted) into the span.</li>
 * </ul>
 * Operations on one livelesson never overlap, across threads and processes ({@link Exclusive}).
 */
public final class TerraformBackend implements AntidoteBackend, AutoCloseable {
    private final AntidoteConfig config;
    private final DataManager db;
    private final Map<String, String> buildInfo;
    private final Parts parts;
    private final CreateFlow create;
    private final ModifyFlow modify;
    private final Removal removal;
    private final Pruning pruning;
    private final Reconciliation reconciliation;
    private final DestroyRetries retries;
    private final ExecutorService workers;
    private final List<AutoCloseable> closing;

    TerraformBackend(Map<String, String> buildInfo, Parts parts, DestroyRetries retries, Pruning pruning,
            Removal removal, ExecutorService workers, List<AutoCloseable> closing) {
        this.config = parts.config();
        this.db = parts.db();
        this.buildInfo = Map.copyOf(buildInfo);
        this.parts = parts;
        this.retries = retries;
        this.create = new CreateFlow(parts, new PartialStacks(parts, retries));
        this.modify = new ModifyFlow(parts);
        this.removal = removal;
        this.pruning = pruning;
        this.reconciliation = new Reconciliation(parts, pruning);
        this.workers = workers;
        this.closing = List.copyOf(closing);
    }

    public AntidoteConfig config() {
        return config;
    }

    public DataManager db() {
        return db;
    }

    public Map<String, String> buildInfo() {
        return buildInfo;
    }

    /** Claims, deletions requested and pending destroys, shared with the other processes of the state database. */
    public Ledger ledger() {
        return parts.ledger();
    }

    /** The version of the terraform this backend runs. */
    public String terraformVersion() {
        return parts.stacks().terraform().version().text();
    }

    /** Failed destroys after which a stack is reported as stuck. */
    public int stuckAfterAttempts() {
        return retries.stuckAfter();
    }

    @Override
    public void pruneOrphans() {
        tracedPrune("backend.prune_orphans", null, "orphans.removed", reconciliation::run);
    }

    @Override
    public List<LessonScheduleRequest> resumable() {
        return reconciliation.resumable();
    }

    @Override
    public void pruneOldLiveLessons(Span parent) {
        tracedPrune("backend.prune_old_livelessons", parent, "livelessons.removed", pruning::oldLiveLessons);
    }

    @Override
    public void retryDestroys(Span parent) {
        tracedPrune("backend.retry_destroys", parent, "stacks.destroyed", pruning::sweep);
    }

    /** One pruning pass in its own span, tagged with how many it removed; a failure errors the span. */
    private void tracedPrune(String operation, Span parent, String countTag, ToIntFunction<Span> pass) {
        Span span = Spans.child(parts.tracer(), operation, parent);
        try {
            span.setTag(countTag, pass.applyAsInt(span));
        } catch (RuntimeException e) {
            Spans.error(span, e, parts.redactor());
            throw e;
        } finally {
            span.finish();
        }
    }

    @Override
    public void handleCreate(Span parent, LessonScheduleRequest request) {
        traced("backend.create", parent, request, CreateFlow.OPERATION, parts.requestWait(),
                (span, held) -> create.run(span, request.liveLessonId(), held));
    }

    @Override
    public void handleModify(Span parent, LessonScheduleRequest request) {
        traced("backend.modify", parent, request, ModifyFlow.OPERATION, parts.requestWait(),
                (span, held) -> modify.run(span, request, held));
    }

    @Override
    public void handleDelete(Span parent, LessonScheduleRequest request) {
        preempt(request.liveLessonId());
        traced("backend.delete", parent, request, "DELETE", parts.deleteWait(),
                (span, held) -> removal.remove(span, request.liveLessonId()));
    }

    /**
     * Records the DELETE in the ledger (so the process running a CREATE or MODIFY of the livelesson, this one or
     * another, cancels it within a fraction of a second, and a restart finishes it) and cancels it here at once.
     */
    @Override
    public void preempt(String liveLessonId) {
        parts.ledger().requestDeletion(liveLessonId, parts.clock().instant());
        parts.inFlight().cancel(liveLessonId);
    }

    @Override
    public void stopping() {
        parts.stopping().set(true);
    }

    /** Runs {@code work} in a child span holding the livelesson; a failure errors the span. */
    private void traced(String operation, Span parent, LessonScheduleRequest request, String claimed, Duration wait,
            java.util.function.BiConsumer<Span, Exclusive.Held> work) {
        Span span = Spans.child(parts.tracer(), operation, parent);
        span.setTag("liveLessonId", request.liveLessonId());
        span.setTag("target", config.backendConfigs().terraform().target());
        try {
            parts.exclusive().run(request.liveLessonId(), claimed, wait, held -> work.accept(span, held));
        } catch (RuntimeException e) {
            Spans.error(span, e, parts.redactor());
            throw e;
        } finally {
            span.finish();
        }
    }

    /**
     * The drift of livelesson {@code id}'s stack: a refresh-only plan ({@code terraform plan -refresh-only
     * -detailed-exitcode}), holding the livelesson (a livelesson busy for {@link #DRIFT_WAIT} is reported busy),
     * traced as {@code backend.drift}. Never throws for the livelesson's own problems: they are the result's failure.
     */
    public StackDrift drift(String id) {
        Span span = Spans.child(parts.tracer(), "backend.drift", null);
        span.setTag("liveLessonId", id);
        long start = System.nanoTime();
        AtomicReference<DriftResult> result = new AtomicReference<>();
        String stack = parts.stacks().instanceId() + "-" + id;
        String slug = db.getLiveLesson(id).map(l -> l.lessonSlug()).orElse("");
        try {
            boolean ran = parts.exclusive().tryRun(id, "DRIFT", DRIFT_WAIT, held -> {
                LiveLesson l = parts.liveLesson(id);
                Workspace ws = parts.stacks().withState(parts.stacks().id(id),
                        () -> parts.request(l, parts.lesson(l), true, parts.routes().all()), span).orElseThrow(
                                () -> new AntidoteException("livelesson " + id + ": its stack has no state"));
                result.set(parts.stacks().terraform().planRefreshOnly(ws, span));
            });
            span.setTag("drifted", result.get() != null && result.get().drifted());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (!ran) {
                return new StackDrift(id, slug, stack, null, "busy: " + parts.exclusive().holder(id), null, took);
            }
            return new StackDrift(id, slug, stack, result.get(), "", null, took);
        } catch (RuntimeException e) {
            Evidence.record(span, e, parts.redactor());
            Spans.error(span, e, parts.redactor());
            String summary = Evidence.summary(e, parts.redactor());
            List<String> lines = summary.lines().toList();
            return new StackDrift(id, slug, stack, null, lines.get(0), lines.subList(1, lines.size()),
                    Duration.ofNanos(System.nanoTime() - start));
        } finally {
            span.finish();
        }
    }

    /** How long a drift check waits for a busy livelesson. */
    public static final Duration DRIFT_WAIT = Duration.ofSeconds(10);

    /** Runs {@code work} holding the livelesson if it can be had within {@code wait}; whether it ran. */
    boolean tryExclusive(String liveLessonId, String operation, Duration wait, Consumer<Exclusive.Held> work) {
        return parts.exclusive().tryRun(liveLessonId, operation, wait, work);
    }

    /** Stops the watcher, the pruning workers, the synthesizer and the readiness checks' SSH client. */
    @Override
    public void close() {
        workers.shutdownNow();
        parts.exclusive().close();
        parts.stacks().close();
        for (AutoCloseable c : closing) {
            try {
                c.close();
            } catch (Exception e) {
                // best effort
            }
        }
    }
}
