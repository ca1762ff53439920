package io.antidote.tf.backend.terraform;

import io.antidote.tf.AntidoteException;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.live.LiveEndpoint;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.readiness.ReadinessProgress;
import io.antidote.tf.stack.StackOutputs;
import io.antidote.tf.tracing.Spans;
import io.opentracing.Span;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CREATE, the contract's nine steps, in two applies: the stack without configuration (BOOTING), endpoint addresses
 * from its outputs, reachability, CONFIGURATION, the stack with the stage's configuration, the lesson's readyDelay,
 * READY. Runs holding the livelesson ({@link Exclusive}), registered in {@link InFlight} so that a DELETE stops it.
 *
 * <p>On a failure: Error and the evidence recorded at once ({@link FailedLiveLesson}); then the partial
 * infrastructure is kept for {@code keepFailedFor} minutes, or destroyed at once (a failed destroy is retried by
 * garbage collection with backoff, {@link DestroyRetries}); then rethrown. Not failures: a DELETE that stopped it
 * ({@link CancelledException}: the DELETE destroys), and an interruption while the process stops (left as it is:
 * the next start resumes it). A CREATE of a livelesson that is READY already does nothing (a resumed or repeated
 * request); one whose earlier runs were cut short by the death of their process {@link Parts#MAX_ATTEMPTS} times is
 * failed instead of resumed again.
 */
final class CreateFlow {
    private static final Logger LOG = LoggerFactory.getLogger(CreateFlow.class);
    static final String OPERATION = "CREATE";
    private final Parts parts;
    private final PartialStacks partial;

    CreateFlow(Parts parts, PartialStacks partial) {
        this.parts = parts;
        this.partial = partial;
    }

    void run(Span span, String id, Exclusive.Held held) {
        LiveLesson live = parts.liveLesson(id);
        if (parts.ledger().deletionRequested(id)) {
            throw new CancelledException(id, OPERATION, null);
        }
        if (live.status() == LiveLessonStatus.READY && !live.error()) {
            Spans.event(span, "already READY: nothing to do", Map.of("liveLessonId", id));
            return;
        }
        if (held.tookOver().isPresent()) {
            Spans.event(span, "resumed: the process that ran it is gone", Map.of("attempt", held.claim().attempt()));
            LOG.info("livelesson {}: resuming its CREATE (attempt {}): the process that ran it is gone", id,
                    held.claim().attempt());
        }
        parts.inFlight().begin(id, OPERATION);
        try {
            if (held.claim().attempt() > Parts.MAX_ATTEMPTS) {
                throw new AntidoteException("livelesson " + id + ": its CREATE was cut short " + (held.claim()
                        .attempt() - 1) + " times by the death of the process running it; not resumed again");
            }
            steps(span, id);
        } catch (RuntimeException e) {
            RuntimeException notFailed = parts.notAFailure(span, id, OPERATION, e);
            if (notFailed != null) {
                throw notFailed;
            }
            AntidoteException failure = FailedLiveLesson.record(parts, span, id, e);
            partial.afterFailure(span, id, failure);
            throw failure;
        } finally {
            parts.inFlight().end(id);
        }
    }

    private void steps(Span span, String id) {
        LiveLesson live = parts.liveLesson(id);
        Lesson lesson = parts.lesson(live);
        span.setTag("lessonSlug", lesson.slug());
        span.setTag("stage", live.stage());
        parts.db().updateLiveLessonStatus(id, LiveLessonStatus.BOOTING);
        StackOutputs provisioned = apply(span, live, lesson, false);
        for (LiveEndpoint ep : live.liveEndpoints().values()) {
            String address = provisioned.endpointAddresses().get(ep.name());
            if (address == null) {
                throw new StackContractException(live.uullid(), StackOutputs.ENDPOINT_ADDRESSES,
                        "has no address for endpoint " + ep.name());
            }
            parts.db().updateLiveLessonEndpointIp(id, ep.name(), address);
        }
        List<LiveEndpoint> endpoints = List.copyOf(parts.liveLesson(id).liveEndpoints().values());
        parts.readiness().await(id, endpoints, span, ReadinessProgress.toDataManager(parts.db(), id));
        parts.db().updateLiveLessonStatus(id, LiveLessonStatus.CONFIGURATION);
        apply(span, live, lesson, true);
        Duration delay = Duration.ofSeconds(lesson.readyDelay());
        Spans.event(span, "ready delay", Map.of("seconds", lesson.readyDelay()));
        try {
            parts.readyDelay().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AntidoteException("livelesson " + id + ": interrupted during its readyDelay", e);
        }
        parts.db().updateLiveLessonStatus(id, LiveLessonStatus.READY);
    }

    private StackOutputs apply(Span span, LiveLesson live, Lesson lesson, boolean configure) {
        return parts.stacks().apply(claims -> parts.request(live, lesson, configure, claims), span);
    }
}
