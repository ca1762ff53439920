package io.antidote.tf.scheduler;

import io.antidote.tf.backend.AntidoteBackend;
import io.antidote.tf.live.LiveSession;
import io.antidote.tf.state.DataManager;
import io.antidote.tf.tracing.Spans;
import io.opentracing.Span;
import io.opentracing.Tracer;
import io.opentracing.tag.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One garbage collection pass, traced as {@code scheduler_gc}: the backend deletes livelessons past their TTL
 * (infrastructure and state; it honours persistent sessions) and destroys the stacks left to destroy (orphans,
 * failed destroys whose backoff has passed, kept failures past their time), then this class deletes livesessions
 * older than {@code liveSessionTTL} that no livelesson uses any more. A livesession exactly TTL old is kept.
 *
 * <p>Like the reference, a livesession's persistent flag is not consulted here: it protects livelessons, and a
 * session with none left is deleted. A livelesson created between the check and the delete would outlive its
 * session; the DataManager has no transaction to prevent that (the reference has the same window).
 */
final class GarbageCollector {
    private static final Logger LOG = LoggerFactory.getLogger(GarbageCollector.class);

    private final AntidoteBackend backend;
    private final DataManager db;
    private final Duration sessionTtl;
    private final Tracer tracer;
    private final Clock clock;

    GarbageCollector(AntidoteBackend backend, DataManager db, Duration sessionTtl, Tracer tracer, Clock clock) {
        this.backend = backend;
        this.db = db;
        this.sessionTtl = sessionTtl;
        this.tracer = tracer;
        this.clock = clock;
    }

    /** Runs one pass; a failure of any part is logged and traced and does not stop the others. */
    void collect() {
        Span span = tracer.buildSpan("scheduler_gc").start();
        try {
            step(span, "pruning old livelessons", () -> backend.pruneOldLiveLessons(span));
            step(span, "destroying left stacks", () -> backend.retryDestroys(span));
            if (pruneOldLiveSessions(span).failures() > 0) {
                Tags.ERROR.set(span, true);
            }
        } finally {
            span.finish();
        }
    }

    /** Runs one part of a pass; its failure is logged and traced and does not stop the others. */
    private static void step(Span span, String what, Runnable part) {
        try {
            part.run();
        } catch (Throwable t) {
            Spans.error(span, t);
            LOG.error("garbage collection: {} failed: {}", what, t.toString(), t);
            Fatal.rethrowIfFatal(t);
        }
    }

    /** How a livesession pruning went; a failure to list them counts as one failure. */
    record SessionPruning(int deleted, int failures) {
    }

    /** Deletes livesessions older than the TTL that have no livelessons. */
    SessionPruning pruneOldLiveSessions(Span parent) {
        Span span = Spans.child(tracer, "scheduler_prune_old_sessions", parent);
        int deleted = 0;
        int failures = 0;
        try {
            Instant cutoff = clock.instant().minus(sessionTtl);
            for (LiveSession session : db.listLiveSessions()) {
                if (!session.createdTime().isBefore(cutoff)) {
                    continue;
                }
                switch (pruneIfUnused(span, session)) {
                    case DELETED -> deleted++;
                    case FAILED -> failures++;
                    case KEPT -> { }
                }
            }
        } catch (RuntimeException e) {
            Spans.error(span, e);
            LOG.error("garbage collection: listing livesessions failed: {}", e.toString(), e);
            failures++;
        } finally {
            span.setTag("livesessions.deleted", deleted);
            span.finish();
        }
        return new SessionPruning(deleted, failures);
    }

    private enum Outcome { KEPT, DELETED, FAILED }

    private Outcome pruneIfUnused(Span span, LiveSession session) {
        try {
            List<?> inUse = db.getLiveLessonsForSession(session.id());
            if (!inUse.isEmpty()) {
                return Outcome.KEPT;
            }
            db.deleteLiveSession(session.id());
            LOG.info("garbage collection: deleted livesession {} (created {})", session.id(), session.createdTime());
            return Outcome.DELETED;
        } catch (RuntimeException e) {
            Spans.error(span, e);
            LOG.error("garbage collection: livesession {}: {}", session.id(), e.toString(), e);
            return Outcome.FAILED;
        }
    }
}
