package io.antidote.tf.readiness;

import io.antidote.tf.live.LiveEndpoint;
import io.antidote.tf.tracing.Spans;
import io.opentracing.Span;
import io.opentracing.Tracer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until every endpoint of a livelesson is reachable from here (contract step 5). Plans each endpoint's checks
 * ({@link EndpointChecks}), then polls in rounds: every check not yet ready is attempted, in parallel up to
 * {@link ReadinessSettings#parallelism()}, then the waiter pauses {@link ReadinessSettings#pollInterval()}. A
 * {@link CheckOutcome.Status#FAILED} outcome ends the wait at once; so does the overall timeout. Progress (healthy
 * endpoints out of all) is reported at the start and whenever an endpoint becomes healthy.
 *
 * <p>Traced: one span {@code readiness_wait} per wait, a child of the given parent, with an event per endpoint
 * becoming ready and the error logged to it on failure.
 */
public final class EndpointReadinessWaiter {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointReadinessWaiter.class);
    private final Tracer tracer;
    private final CheckFactory checks;
    private final ReadinessSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;

    public EndpointReadinessWaiter(Tracer tracer, CheckFactory checks, ReadinessSettings settings, Clock clock,
            Sleeper sleeper) {
        this.tracer = Objects.requireNonNull(tracer, "tracer");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public EndpointReadinessWaiter(Tracer tracer, CheckFactory checks, ReadinessSettings settings) {
        this(tracer, checks, settings, Clock.systemUTC(), Sleeper.SYSTEM);
    }

    /**
     * Waits for {@code endpoints} of livelesson {@code liveLessonId}.
     *
     * @throws ReadinessException when they are not all reachable in time, one fails definitely, or the wait is
     *         interrupted
     */
    public ReadinessResult await(String liveLessonId, List<LiveEndpoint> endpoints, Span parent,
            ReadinessProgress progress) {
        Span span = Spans.child(tracer, "readiness_wait", parent);
        span.setTag("liveLessonId", liveLessonId);
        span.setTag("endpoints", endpoints.size());
        span.setTag("timeoutSeconds", settings.timeout().toSeconds());
        Instant start = clock.instant();
        try {
            List<EndpointChecks> plans = endpoints.stream().map(e -> EndpointChecks.plan(e, checks)).toList();
            ReadinessBoard board = new ReadinessBoard(plans);
            progress.update(0, board.total());
            ReadinessResult result = new ReadinessPolling(liveLessonId, board, settings, clock, sleeper, start,
                    endpoint -> {
                        Spans.event(span, "endpoint ready", Map.of("endpoint", endpoint,
                                "elapsedMs", Duration.between(start, clock.instant()).toMillis()));
                        LOG.info("livelesson {}: endpoint {} is reachable ({}/{})", liveLessonId, endpoint,
                                board.healthy(), board.total());
                        progress.update(board.healthy(), board.total());
                    }).run();
            Spans.event(span, "all endpoints ready", Map.of("rounds", result.rounds(),
                    "elapsedMs", result.elapsed().toMillis()));
            return result;
        } catch (RuntimeException e) {
            Spans.error(span, e);
            throw e;
        } finally {
            span.finish();
        }
    }
}
