package io.antidote.tf.backend.terraform;

import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveSession;
import io.antidote.tf.state.PendingDestroy;
import io.antidote.tf.terraform.StackId;
import io.antidote.tf.terraform.StackLister;
import io.antidote.tf.tracing.Spans;
import io.opentracing.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Garbage collection. Old livelessons: LastActiveTime strictly older than {@code liveLessonTTL} minutes and a session
 * that is not persistent (a missing session is not persistent) are removed ({@link Removal}). Stacks ({@link #sweep},
 * every pass): every stack of this instance (workspace directories, and remote state keys when a remote lister is
 * given, so that several instances and a lost disk leak nothing) without a livelesson, and every stack whose pending
 * destroy is due (a failed livelesson's stack kept past {@code keepFailedFor}, a failed destroy whose backoff has
 * passed), is destroyed and removed; a failure is recorded with its backoff ({@link DestroyRetries}), and stuck
 * stacks are reported at every pass.
 *
 * <p>Work runs in parallel up to the runner's cap; a failure of one livelesson is traced and logged and does not stop
 * the others. A livelesson another thread or process works on is waited for at most {@link #LOCK_WAIT}, then left,
 * with a log line and a span event, for the next pass: garbage collection never waits on one livelesson for long.
 */
final class Pruning {
    private static final Logger LOG = LoggerFactory.getLogger(Pruning.class);
    /** How long a pass waits for one livelesson (its lock and its claim) before leaving it for the next pass. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(2);
    /** The span event of a livelesson left for the next pass. */
    static final String BUSY_EVENT = "livelesson busy, left for the next pass";
    static final String OPERATION = "GC";

    /** How one livelesson's work in a pass ended. */
    enum Outcome { DONE, SKIPPED, BUSY, FAILED }

    private final Parts parts;
    private final Removal removal;
    private final List<StackLister> listers;
    private final ExecutorService workers;
    private final DestroyRetries retries;

    Pruning(Parts parts, Removal removal, List<StackLister> listers, ExecutorService workers, DestroyRetries retries) {
        this.parts = parts;
        this.removal = removal;
        this.listers = List.copyOf(listers);
        this.workers = workers;
        this.retries = retries;
    }

    /** Returns how many livelessons were removed without error. */
    int oldLiveLessons(Span span) {
        Instant cutoff = parts.clock().instant().minus(Duration.ofMinutes(parts.config().liveLessonTtl()));
        List<String> expired = parts.db().listLiveLessons().stream()
                .filter(l -> l.lastActiveTime().isBefore(cutoff) && !persistent(l)).map(LiveLesson::id).toList();
        span.setTag("livelessons.expired", expired.size());
        return count(parallel(span, expired, id -> {
            if (parts.db().getLiveLesson(id).isEmpty()) {
                return Outcome.SKIPPED;
            }
            removal.remove(span, id);
            return Outcome.DONE;
        }), Outcome.DONE);
    }

    private boolean persistent(LiveLesson l) {
        return parts.db().getLiveSession(l.sessionId()).map(LiveSession::persistent).orElse(false);
    }

    /**
     * Every stack of this instance that has state somewhere (a workspace directory, a remote state key). A lister that
     * fails (the state bucket out of reach) is logged and traced, and the others' stacks are used.
     */
    Set<String> stacks(Span span) {
        Set<String> stacks = new LinkedHashSet<>();
        for (StackLister lister : listers) {
            try {
                lister.list(parts.stacks().instanceId()).stream().map(StackId::liveLessonId).forEach(stacks::add);
            } catch (RuntimeException e) {
                Spans.event(span, "stacks not listed", Map.of("lister", lister.getClass().getSimpleName(), "error",
                        String.valueOf(e.getMessage())), parts.redactor());
                LOG.warn("garbage collection: listing stacks ({}) failed; this pass goes on without: {}",
                        lister.getClass().getSimpleName(), parts.redactor().redact(String.valueOf(e.getMessage())));
            }
        }
        return stacks;
    }

    /** {@link #sweep(Span, boolean)} honouring the backoff of failed destroys (every garbage-collection pass). */
    int sweep(Span span) {
        return sweep(span, false);
    }

    /**
     * Destroys the stacks without a livelesson and those whose pending destroy is due ({@code now}: every failed
     * destroy, whatever its backoff, as at a start); returns how many were destroyed. Stacks are listed before
     * livelessons, so a livelesson created meanwhile is never taken for an orphan.
     */
    int sweep(Span span, boolean now) {
        Instant start = parts.clock().instant();
        Set<String> stacks = stacks(span);
        Set<String> live = parts.db().listLiveLessons().stream().map(LiveLesson::id).collect(Collectors.toSet());
        Map<String, PendingDestroy> pending = parts.ledger().pendingDestroys().stream()
                .collect(Collectors.toMap(PendingDestroy::liveLessonId, p -> p));
        List<String> orphans = stacks.stream().filter(id -> !live.contains(id)).toList();
        List<String> due = new ArrayList<>();
        for (String id : stacks) {
            PendingDestroy p = pending.get(id);
            boolean wanted = !live.contains(id) || p != null;
            if (wanted && (p == null || !p.due().isAfter(start) || now && p.reason().equals(PendingDestroy.RETRY))) {
                due.add(id);
            }
        }
        pending.keySet().stream().filter(id -> !stacks.contains(id) && parts.stacks().existing(
                parts.stacks().id(id)).isEmpty()).forEach(retries::done);
        span.setTag("stacks", stacks.size());
        span.setTag("orphans", orphans.size());
        span.setTag("destroys.due", due.size());
        int destroyed = count(parallel(span, due, id -> destroy(span, id, now)), Outcome.DONE);
        reportStuck(span);
        return destroyed;
    }

    private Outcome destroy(Span span, String id, boolean now) {
        boolean orphan = parts.db().getLiveLesson(id).isEmpty();
        boolean pendingDue = parts.ledger().pendingDestroy(id).filter(p -> !p.due().isAfter(parts.clock().instant())
                || now && p.reason().equals(PendingDestroy.RETRY)).isPresent();
        if (!orphan && !pendingDue) {
            return Outcome.SKIPPED;
        }
        parts.stacks().stopStrays(parts.stacks().id(id));
        try {
            parts.stacks().destroyOrphan(parts.stacks().id(id), span);
        } catch (RuntimeException e) {
            retries.failed(id, e);
            throw e;
        }
        retries.done(id);
        parts.routes().remove(parts.stacks().instanceId() + "-" + id);
        LOG.info("garbage collection: destroyed the stack of livelesson {} ({})", id,
                orphan ? "it has no livelesson" : "its destroy was due");
        return Outcome.DONE;
    }

    private void reportStuck(Span span) {
        List<PendingDestroy> stuck = parts.ledger().pendingDestroys().stream().filter(retries::stuck).toList();
        span.setTag("stacks.stuck", stuck.size());
        for (PendingDestroy p : stuck) {
            Spans.event(span, "stack stuck", Map.of("liveLessonId", p.liveLessonId(), "attempts", p.attempts(),
                    "since", p.since().toString(), "lastError", p.lastError()), parts.redactor());
            LOG.error("STUCK: the stack of livelesson {} has failed {} destroys since {} (last: {}); next try {}; "
                    + "see `antidote-tf list --stuck`", p.liveLessonId(), p.attempts(), p.since(), p.lastError(),
                    p.due());
        }
    }

    /** Runs {@code work} for each livelesson holding it (waiting {@link #LOCK_WAIT} at most); the outcomes. */
    List<Outcome> parallel(Span span, List<String> ids, Function<String, Outcome> work) {
        List<CompletableFuture<Outcome>> all = new ArrayList<>();
        for (String id : ids) {
            all.add(CompletableFuture.supplyAsync(() -> {
                try {
                    Outcome[] outcome = {Outcome.SKIPPED};
                    if (parts.exclusive().tryRun(id, OPERATION, LOCK_WAIT, held -> outcome[0] = work.apply(id))) {
                        return outcome[0];
                    }
                    Spans.event(span, BUSY_EVENT, Map.of("liveLessonId", id, "lockWaitSeconds", LOCK_WAIT.toSeconds(),
                            "holder", parts.exclusive().holder(id)), parts.redactor());
                    LOG.warn("garbage collection: livelesson {} is busy ({}), left for the next pass", id,
                            parts.exclusive().holder(id));
                    return Outcome.BUSY;
                } catch (RuntimeException e) {
                    Spans.event(span, "livelesson not pruned", Map.of("liveLessonId", id, "error",
                            String.valueOf(e.getMessage())), parts.redactor());
                    LOG.error("garbage collection of {} failed: {}", id, parts.redactor().redact(e.getMessage()));
                    return Outcome.FAILED;
                }
            }, workers));
        }
        List<Outcome> outcomes = all.stream().map(CompletableFuture::join).toList();
        if (outcomes.contains(Outcome.FAILED)) {
            io.opentracing.tag.Tags.ERROR.set(span, true);
        }
        return outcomes;
    }

    static int count(List<Outcome> outcomes, Outcome which) {
        return (int) outcomes.stream().filter(o -> o == which).count();
    }
}
