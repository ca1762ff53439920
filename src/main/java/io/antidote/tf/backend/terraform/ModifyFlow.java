package io.antidote.tf.backend.terraform;

import io.antidote.tf.AntidoteException;
import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.stack.StackOutputs;
import io.antidote.tf.tracing.Spans;
import io.opentracing.Span;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MODIFY: status CONFIGURATION, the stack re-applied at the request's stage (the configuration resources are keyed by
 * stage, so exactly that stage's configuration runs again), the {@code stage} output checked, READY. Like
 * {@link CreateFlow}: stopped by a DELETE, left as it is when the process stops, failed (Error and evidence at once)
 * otherwise; a failed MODIFY leaves the infrastructure as it is.
 */
final class ModifyFlow {
    private static final Logger LOG = LoggerFactory.getLogger(ModifyFlow.class);
    static final String OPERATION = "MODIFY";
    private final Parts parts;

    ModifyFlow(Parts parts) {
        this.parts = parts;
    }

    void run(Span span, LessonScheduleRequest request, Exclusive.Held held) {
        String id = request.liveLessonId();
        if (parts.ledger().deletionRequested(id)) {
            throw new CancelledException(id, OPERATION, null);
        }
        if (held.tookOver().isPresent()) {
            Spans.event(span, "resumed: the process that ran it is gone", Map.of("attempt", held.claim().attempt()));
            LOG.info("livelesson {}: resuming its MODIFY (attempt {})", id, held.claim().attempt());
        }
        parts.inFlight().begin(id, OPERATION);
        try {
            if (held.claim().attempt() > Parts.MAX_ATTEMPTS) {
                throw new AntidoteException("livelesson " + id + ": its MODIFY was cut short " + (held.claim()
                        .attempt() - 1) + " times by the death of the process running it; not resumed again");
            }
            LiveLesson live = parts.liveLesson(id).withStage(request.stage());
            span.setTag("stage", request.stage());
            parts.db().updateLiveLessonStatus(id, LiveLessonStatus.CONFIGURATION);
            StackOutputs out = parts.stacks().apply(claims -> parts.request(live, parts.lesson(live), true, claims),
                    span);
            if (out.stage() != request.stage()) {
                throw new StackContractException(live.uullid(), StackOutputs.STAGE, "is " + out.stage()
                        + " after configuring stage " + request.stage());
            }
            parts.db().updateLiveLessonStatus(id, LiveLessonStatus.READY);
        } catch (RuntimeException e) {
            RuntimeException notFailed = parts.notAFailure(span, id, OPERATION, e);
            if (notFailed != null) {
                throw notFailed;
            }
            throw FailedLiveLesson.record(parts, span, id, e);
        } finally {
            parts.inFlight().end(id);
        }
    }
}
