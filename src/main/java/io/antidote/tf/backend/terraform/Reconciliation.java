package io.antidote.tf.backend.terraform;

import io.antidote.tf.AntidoteException;
import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.Operation;
import io.antidote.tf.state.Claim;
import io.antidote.tf.tracing.Spans;
import io.opentracing.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start (the contract's PruneOrphans), the livelessons in the state store are reconciled with their stacks, so a
 * restart loses no learner's lesson (the reference destroys everything instead). A livelesson that a live process
 * works on (another instance, {@code up} in a shell) is left to it. Of the others:
 * <ul>
 *   <li>READY: adopted as it is: its stack's outputs are read (a terraform a dead process left running in its
 *       workspace is stopped first; with remote state a lost workspace is made again) and its routing claims
 *       remembered; a READY livelesson whose stack has no state any more is failed, with that as its error detail;</li>
 *   <li>with a DELETE requested: resumed (DELETE);</li>
 *   <li>INITIALIZED or BOOTING, or CONFIGURATION left by a CREATE: resumed (CREATE again from its first step: terraform
 *       applies what is missing, readiness and configuration run again; the claim's attempt number goes on, and a
 *       CREATE cut short twice by the death of its process is failed instead, with evidence);</li>
 *   <li>CONFIGURATION left by a MODIFY (or by an unknown operation): resumed (MODIFY at its stage);</li>
 *   <li>with Error: kept as it is for the learner to see; its stack is destroyed when its pending destroy is due.</li>
 * </ul>
 * Then every stack without a livelesson is destroyed ({@link Pruning#sweep}). The resumed requests are handed to the
 * scheduler ({@link #resumable}), which runs them before any new request.
 */
final class Reconciliation {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);
    private final Parts parts;
    private final Pruning pruning;
    private volatile List<LessonScheduleRequest> resumable = List.of();

    Reconciliation(Parts parts, Pruning pruning) {
        this.parts = parts;
        this.pruning = pruning;
    }

    /** Returns how many orphaned stacks were destroyed (failed destroys are all retried now, whatever their backoff). */
    int run(Span span) {
        parts.exclusive().forgetDeadOwners();
        List<LessonScheduleRequest> resume = Collections.synchronizedList(new ArrayList<>());
        List<String> adopt = new ArrayList<>();
        for (LiveLesson l : parts.db().listLiveLessons()) {
            Optional<Claim> claim = parts.ledger().claim(l.id());
            if (parts.exclusive().heldElsewhere(l.id())) {
                Spans.event(span, "left to the live process that works on it", Map.of("liveLessonId", l.id()));
                continue;
            }
            if (parts.ledger().deletionRequested(l.id())) {
                resume.add(request(Operation.DELETE, l));
                continue;
            }
            if (l.error()) {
                continue;
            }
            String op = claim.map(Claim::operation).orElse("");
            switch (l.status()) {
                case READY -> adopt.add(l.id());
                case INITIALIZED, BOOTING -> resume.add(request(Operation.CREATE, l));
                case CONFIGURATION -> resume.add(request(op.equals(CreateFlow.OPERATION) ? Operation.CREATE
                        : Operation.MODIFY, l));
            }
        }
        List<Pruning.Outcome> adopted = pruning.parallel(span, adopt, id -> adopt(span, id));
        span.setTag("livelessons.adopted", Pruning.count(adopted, Pruning.Outcome.DONE));
        span.setTag("livelessons.resumed", resume.size());
        resume.forEach(r -> {
            Spans.event(span, "resumed", Map.of("liveLessonId", r.liveLessonId(), "operation", r.operation().name()));
            LOG.info("livelesson {}: left mid-{} by the process before: resumed", r.liveLessonId(), r.operation());
        });
        resumable = List.copyOf(resume);
        return pruning.sweep(span, true);
    }

    /** The requests {@link #run} found to resume. */
    List<LessonScheduleRequest> resumable() {
        return resumable;
    }

    private Pruning.Outcome adopt(Span span, String id) {
        Optional<LiveLesson> live = parts.db().getLiveLesson(id);
        if (live.isEmpty()) {
            return Pruning.Outcome.SKIPPED;
        }
        LiveLesson l = live.get();
        if (parts.stacks().adopt(parts.stacks().id(id), () -> parts.request(l, parts.lesson(l), true,
                parts.routes().all()), span).isPresent()) {
            return Pruning.Outcome.DONE;
        }
        FailedLiveLesson.record(parts, span, id, new AntidoteException("livelesson " + id + " was READY, but after "
                + "the restart its stack has no state (was the work directory "
                + parts.stacks().workspaceDir(parts.stacks().id(id)) + " lost?): its infrastructure is unknown"));
        return Pruning.Outcome.FAILED;
    }

    private static LessonScheduleRequest request(Operation op, LiveLesson l) {
        return new LessonScheduleRequest(op, l.id(), l.sessionId(), l.lessonSlug(), l.stage());
    }
}
