package io.antidote.tf.backend.terraform;

import io.antidote.tf.AntidoteException;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.live.LiveEndpoint;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.readiness.ReadinessProgress;
import io.antidote.tf.stack.StackOutputs;
import io.antidote.tf.tracing.LiveLessonFailures;
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
 * READY. On any failure: the evidence into the span, the partial infrastructure destroyed at once (best effort; a
 * failed destroy keeps the workspace for garbage collection), then the livelesson failed (Error flag) and rethrown.
 */
final class CreateFlow {
    private static final Logger LOG = LoggerFactory.getLogger(CreateFlow.class);
    private final Parts parts;

    CreateFlow(Parts parts) {
        this.parts = parts;
    }

    void run(Span span, String id) {
        try {
            steps(span, id);
        } catch (RuntimeException e) {
            Evidence.record(span, e, parts.redactor());
            destroyPartial(span, id, e);
            throw LiveLessonFailures.fail(span, parts.db(), id, e, parts.redactor());
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

    private void destroyPartial(Span span, String id, RuntimeException cause) {
        try {
            parts.stacks().destroyAndRemove(parts.stacks().id(id), span);
            Spans.event(span, "partial infrastructure destroyed", Map.of("liveLessonId", id));
            parts.db().getLiveLesson(id).ifPresent(l -> parts.routes().remove(l.uullid()));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            Evidence.record(span, e, parts.redactor());
            LOG.warn("livelesson {}: destroying its partial infrastructure failed; garbage collection retries: {}",
                    id, parts.redactor().redact(e.getMessage()));
        }
    }
}
