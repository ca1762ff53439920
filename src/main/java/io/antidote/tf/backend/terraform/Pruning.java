package io.antidote.tf.backend.terraform;

import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveSession;
import io.antidote.tf.terraform.StackId;
import io.antidote.tf.terraform.StackLister;
import io.antidote.tf.terraform.Workspace;
import io.antidote.tf.tracing.Spans;
import io.opentracing.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Garbage collection. Old livelessons: LastActiveTime strictly older than {@code liveLessonTTL} minutes and a session
 * that is not persistent (a missing session is not persistent) are removed ({@link Removal}). Orphans: every stack of
 * this instance (workspace directories, and remote state keys when a remote lister is given) without a livelesson is
 * destroyed and removed; the others' outputs rebuild the routing registry. Both run in parallel up to the runner's
 * cap; a failure of one livelesson is traced and logged and does not stop the others. A livelesson whose lock is
 * busy (a request is working on it) for more than {@link #LOCK_WAIT} is skipped, with a log line and a span event,
 * and tried again by the next pass: garbage collection never waits on one livelesson for long.
 */
final class Pruning {
    private static final Logger LOG = LoggerFactory.getLogger(Pruning.class);
    /** How long a pass waits for one livelesson's lock before leaving it for the next pass. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(2);
    /** The span event of a livelesson left for the next pass. */
    static final String BUSY_EVENT = "livelesson busy, left for the next pass";

    private enum Outcome { DONE, BUSY, FAILED }

    private final Parts parts;
    private final Removal removal;
    private final List<StackLister> listers;
    private final ExecutorService workers;

    Pruning(Parts parts, Removal removal, List<StackLister> listers, ExecutorService workers) {
        this.parts = parts;
        this.removal = removal;
        this.listers = List.copyOf(listers);
        this.workers = workers;
    }

    /** Returns how many livelessons were removed without error. */
    int oldLiveLessons(Span span) {
        Instant cutoff = parts.clock().instant().minus(Duration.ofMinutes(parts.config().liveLessonTtl()));
        List<String> expired = parts.db().listLiveLessons().stream()
                .filter(l -> l.lastActiveTime().isBefore(cutoff) && !persistent(l)).map(LiveLesson::id).toList();
        span.setTag("livelessons.expired", expired.size());
        return parallel(span, expired, id -> {
            if (parts.db().getLiveLesson(id).isPresent()) {
                removal.remove(span, id);
            }
        });
    }

    private boolean persistent(LiveLesson l) {
        return parts.db().getLiveSession(l.sessionId()).map(LiveSession::persistent).orElse(false);
    }

    /** Returns how many orphaned stacks were destroyed and removed. */
    int orphans(Span span) {
        String instance = parts.stacks().instanceId();
        Set<String> stacks = new LinkedHashSet<>();
        for (StackLister lister : listers) {
            lister.list(instance).stream().map(StackId::liveLessonId).forEach(stacks::add);
        }
        Set<String> live = parts.db().listLiveLessons().stream().map(LiveLesson::id).collect(Collectors.toSet());
        List<String> orphans = stacks.stream().filter(id -> !live.contains(id)).toList();
        List<String> kept = stacks.stream().filter(live::contains).toList();
        span.setTag("stacks", stacks.size());
        span.setTag("orphans", orphans.size());
        parallel(span, kept, id -> rememberClaims(span, id));
        return parallel(span, orphans, id -> {
            if (parts.db().getLiveLesson(id).isEmpty()) {
                parts.stacks().destroyAndRemove(parts.stacks().id(id), span);
                LOG.info("pruned orphaned stack {}/{}", instance, id);
            }
        });
    }

    private void rememberClaims(Span span, String id) {
        Optional<Workspace> ws = parts.stacks().existing(parts.stacks().id(id));
        boolean hasState = ws.isPresent() && ws.get().initialized() && (java.nio.file.Files.exists(ws.get().stateFile())
                || !parts.stacks().terraform().stateBackend().local());
        if (hasState) {
            String uullid = parts.stacks().instanceId() + "-" + id;
            parts.routes().put(uullid, parts.stacks().outputs(ws.get(), span).routingClaims(uullid));
        }
    }

    /** Runs {@code work} for each livelesson under its lock (waiting {@link #LOCK_WAIT} at most); how many ran. */
    private int parallel(Span span, List<String> ids, java.util.function.Consumer<String> work) {
        List<CompletableFuture<Outcome>> all = new ArrayList<>();
        for (String id : ids) {
            all.add(CompletableFuture.supplyAsync(() -> {
                try {
                    if (parts.locks().tryRun(id, LOCK_WAIT, () -> work.accept(id))) {
                        return Outcome.DONE;
                    }
                    Spans.event(span, BUSY_EVENT, Map.of("liveLessonId", id, "lockWaitSeconds", LOCK_WAIT.toSeconds()),
                            parts.redactor());
                    LOG.warn("garbage collection: livelesson {} is busy (its lock was held for {} s), left for the "
                            + "next pass", id, LOCK_WAIT.toSeconds());
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
        return (int) outcomes.stream().filter(o -> o == Outcome.DONE).count();
    }
}
