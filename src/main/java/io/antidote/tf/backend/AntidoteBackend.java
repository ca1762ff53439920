package io.antidote.tf.backend;

import io.antidote.tf.live.LessonScheduleRequest;
import io.opentracing.Span;
import java.util.List;

/**
 * What the scheduler needs from the infrastructure behind it. Contract for every implementation:
 *
 * <ul>
 *   <li>Every method is traced: it opens a child span of the span it is given (or a root span where none is
 *       given), records its work as span events, and on an unrecoverable error logs the error to the span,
 *       tags it errored, sets the livelesson's Error flag ({@code UpdateLiveLessonError(id, true)}) and throws.
 *       {@link io.antidote.tf.tracing.LiveLessonFailures} does all of that in one call.</li>
 *   <li>All Antidote state (livelessons, livesessions) lives in the DataManager and changes only through its
 *       narrow updates; a backend keeps nothing there of its own.</li>
 *   <li>Every resource a backend creates is labelled (tagged) with the instance ID, livelesson ID and
 *       livesession ID, grouped in a hierarchical unit where the provider has one, and named with instance and
 *       livelesson ID where names are not namespaced.</li>
 *   <li>Network traffic leaves a livelesson only when the configuration's {@code allowEgress} is true.</li>
 * </ul>
 *
 * Implementations are called concurrently for different livelessons, never for the same one at once.
 */
public interface AntidoteBackend {

    /**
     * Called once when the scheduler starts, before anything else: deletes every resource this Antidote instance
     * created that no livelesson in the DataManager accounts for (in-memory state did not survive a restart). Beyond
     * the reference (which deletes everything): livelessons are reconciled with their infrastructure, READY ones
     * kept, and those a previous process left mid-operation returned by {@link #resumable()}.
     */
    void pruneOrphans();

    /**
     * After {@link #pruneOrphans()}: the requests a previous process left unfinished (mid-CREATE, mid-MODIFY, a
     * DELETE requested), which the scheduler runs before any new request.
     */
    default List<LessonScheduleRequest> resumable() {
        return List.of();
    }

    /**
     * Beyond the reference, at every garbage-collection pass: destroys the stacks left to destroy (without a
     * livelesson; a failed destroy whose backoff has passed; a failed livelesson's infrastructure kept for
     * inspection past its time), and reports those that cannot be destroyed.
     */
    default void retryDestroys(Span parent) {
    }

    /**
     * A DELETE of the livelesson has arrived and waits behind its other requests: whatever runs on it (here or in
     * another process sharing the state) stops now, and nothing else starts on it. Returns at once.
     */
    default void preempt(String liveLessonId) {
    }

    /**
     * The process is stopping: an operation interrupted from now on is left as it is for the next start to resume,
     * instead of failing its livelesson.
     */
    default void stopping() {
    }

    /**
     * Deletes livelessons whose LastActiveTime is older than the configured {@code liveLessonTTL}, unless their
     * livesession is persistent: their infrastructure, then their state.
     */
    void pruneOldLiveLessons(Span parent);

    /**
     * Creates a livelesson's infrastructure, in the contract's nine steps: read lesson and livelesson; provision
     * every endpoint, presentation, connection and guide (status BOOTING); record each endpoint's reachable address
     * ({@code UpdateLiveLessonEndpointIP}); on failure capture provider output and endpoint logs into the span;
     * wait until every endpoint is reachable (TCP, or a real SSH exchange for ssh presentations), updating
     * HealthyTests/TotalTests, within the readiness timeout; status CONFIGURATION; run the stage's configuration
     * for each endpoint with a configurationType (each stage on its own, never relying on an earlier one); sleep
     * the lesson's readyDelay; status READY.
     */
    void handleCreate(Span parent, LessonScheduleRequest request);

    /** Moves a livelesson to the request's stage: runs that stage's configuration, then status READY. */
    void handleModify(Span parent, LessonScheduleRequest request);

    /**
     * Deletes a livelesson's infrastructure with as few provider calls as possible, then its state, whatever
     * happened to the infrastructure.
     */
    void handleDelete(Span parent, LessonScheduleRequest request);
}
