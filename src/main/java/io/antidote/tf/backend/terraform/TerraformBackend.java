package io.antidote.tf.backend.terraform;

import io.antidote.tf.backend.AntidoteBackend;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.stack.StackOutputs;
import io.antidote.tf.state.DataManager;
import io.antidote.tf.tracing.LiveLessonFailures;
import io.antidote.tf.tracing.Spans;
import io.opentracing.Span;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.ToIntFunction;

/**
 * The Terraform backend: each livelesson is one Terraform stack (target {@code aws} or {@code local}) in its own
 * workspace, driven by the terraform runner. Built by {@link TerraformBackendFactory#create}, which does all setup.
 *
 * <ul>
 *   <li>CREATE ({@link CreateFlow}): two applies, so configuration comes after reachability and status
 *       CONFIGURATION: the stack without configuration resources, then with the stage's configuration.</li>
 *   <li>MODIFY: status CONFIGURATION, the stack re-applied at the request's stage (the configuration resources are
 *       keyed by stage, so exactly that stage's configuration runs again), then READY.</li>
 *   <li>DELETE ({@link Removal}): one destroy of the stack, then workspace, routing claims and livelesson state
 *       removed whatever happened; a failed destroy keeps the workspace so PruneOrphans retries it.</li>
 *   <li>A failed CREATE destroys its partial infrastructure AT ONCE (best effort; if that destroy fails too, the
 *       workspace stays for PruneOrphans/DELETE to retry) and keeps the livelesson with Error=true so the learner
 *       sees the error; the livelesson's DELETE, or garbage collection after its TTL, removes it. A failed MODIFY
 *       leaves the infrastructure as it is (the learner may retry), Error=true.</li>
 *   <li>Every method is a traced child span; failures carry terraform's evidence (command, diagnostics, output
 *       head/tail, redacted) into the span; a failed livelesson goes through {@link LiveLessonFailures#fail}.</li>
 * </ul>
 * Requests for one livelesson, and garbage collection of it, never overlap (a lock per livelesson).
 */
public final class TerraformBackend implements AntidoteBackend, AutoCloseable {
    private final AntidoteConfig config;
    private final DataManager db;
    private final Map<String, String> buildInfo;
    private final Parts parts;
    private final CreateFlow create;
    private final Removal removal;
    private final Pruning pruning;
    private final ExecutorService workers;
    private final AutoCloseable checks;

    TerraformBackend(Map<String, String> buildInfo, Parts parts, Pruning pruning, Removal removal,
            ExecutorService workers, AutoCloseable checks) {
        this.config = parts.config();
        this.db = parts.db();
        this.buildInfo = Map.copyOf(buildInfo);
        this.parts = parts;
        this.create = new CreateFlow(parts);
        this.removal = removal;
        this.pruning = pruning;
        this.workers = workers;
        this.checks = checks;
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

    @Override
    public void pruneOrphans() {
        tracedPrune("backend.prune_orphans", null, "orphans.removed", pruning::orphans);
    }

    @Override
    public void pruneOldLiveLessons(Span parent) {
        tracedPrune("backend.prune_old_livelessons", parent, "livelessons.removed", pruning::oldLiveLessons);
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
        traced("backend.create", parent, request, false, span -> create.run(span, request.liveLessonId()));
    }

    @Override
    public void handleModify(Span parent, LessonScheduleRequest request) {
        traced("backend.modify", parent, request, false, span -> modify(span, request));
    }

    @Override
    public void handleDelete(Span parent, LessonScheduleRequest request) {
        traced("backend.delete", parent, request, true, span -> removal.remove(span, request.liveLessonId()));
    }

    private void modify(Span span, LessonScheduleRequest request) {
        String id = request.liveLessonId();
        try {
            LiveLesson live = parts.liveLesson(id).withStage(request.stage());
            span.setTag("stage", request.stage());
            db.updateLiveLessonStatus(id, LiveLessonStatus.CONFIGURATION);
            StackOutputs out = parts.stacks().apply(claims -> parts.request(live, parts.lesson(live), true, claims),
                    span);
            if (out.stage() != request.stage()) {
                throw new StackContractException(live.uullid(), StackOutputs.STAGE, "is " + out.stage()
                        + " after configuring stage " + request.stage());
            }
            db.updateLiveLessonStatus(id, LiveLessonStatus.READY);
        } catch (RuntimeException e) {
            Evidence.record(span, e, parts.redactor());
            throw LiveLessonFailures.fail(span, db, id, e, parts.redactor());
        }
    }

    /** Runs {@code work} in a child span under the livelesson's lock; {@code markError}: log a failure here too. */
    private void traced(String operation, Span parent, LessonScheduleRequest request, boolean markError,
            java.util.function.Consumer<Span> work) {
        Span span = Spans.child(parts.tracer(), operation, parent);
        span.setTag("liveLessonId", request.liveLessonId());
        span.setTag("target", config.backendConfigs().terraform().target());
        try {
            parts.locks().run(request.liveLessonId(), () -> work.accept(span));
        } catch (RuntimeException e) {
            if (markError) {
                Spans.error(span, e, parts.redactor());
            }
            throw e;
        } finally {
            span.finish();
        }
    }

    /** Stops the pruning workers, the synthesizer and the readiness checks' SSH client. */
    @Override
    public void close() {
        workers.shutdownNow();
        parts.stacks().close();
        try {
            checks.close();
        } catch (Exception e) {
            // the SSH client is best-effort to stop
        }
    }
}
