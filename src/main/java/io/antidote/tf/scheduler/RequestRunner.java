package io.antidote.tf.scheduler;

import io.antidote.tf.backend.AntidoteBackend;
import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.Operation;
import io.antidote.tf.tracing.Spans;
import io.opentracing.Span;
import io.opentracing.Tracer;
import io.opentracing.tag.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one request: opens its span (a child of the sender's), hands it to the backend, and reports a
 * successful CREATE to the completion sink. A failure is logged and recorded on the span, never thrown, unless it
 * is an error of the virtual machine itself.
 */
final class RequestRunner {
    /** Span tag keys of a request span. */
    static final String TAG_OPERATION = "lsr.operation";
    static final String TAG_LIVELESSON = "livelesson.id";
    static final String TAG_LIVESESSION = "livesession.id";
    static final String TAG_LESSON = "lesson.slug";
    static final String TAG_STAGE = "lesson.stage";
    static final String SPAN_NAME = "scheduler_lsr";

    private static final Logger LOG = LoggerFactory.getLogger(RequestRunner.class);

    private final AntidoteBackend backend;
    private final Tracer tracer;
    private final CompletionSink completions;
    private final Clock clock;
    private final RequestListener listener;

    RequestRunner(AntidoteBackend backend, Tracer tracer, CompletionSink completions, Clock clock,
            RequestListener listener) {
        this.backend = backend;
        this.tracer = tracer;
        this.completions = completions;
        this.clock = clock;
        this.listener = listener;
    }

    void run(IncomingRequest incoming, Instant receivedAt) {
        LessonScheduleRequest r = incoming.request();
        Tracer.SpanBuilder builder = tracer.buildSpan(SPAN_NAME);
        if (incoming.parent() != null) {
            builder = builder.asChildOf(incoming.parent());
        }
        Span span = builder.withTag(Tags.COMPONENT.getKey(), "scheduler")
                .withTag(TAG_OPERATION, r.operation().name())
                .withTag(TAG_LIVELESSON, r.liveLessonId())
                .withTag(TAG_LIVESESSION, r.liveSessionId())
                .withTag(TAG_LESSON, r.lessonSlug())
                .withTag(TAG_STAGE, r.stage())
                .start();
        Instant started = clock.instant();
        Throwable failure = null;
        try {
            Spans.event(span, "dequeued", Map.of("queued.ms", Duration.between(receivedAt, started).toMillis()));
            dispatch(span, r);
            LOG.info("livelesson {}: {} done", r.liveLessonId(), r.operation());
            if (r.operation() == Operation.CREATE) {
                report(span, r);
            }
        } catch (Throwable t) {
            failure = t;
            Spans.error(span, t);
            LOG.error("livelesson {}: {} request failed: {}", r.liveLessonId(), r.operation(), t.toString(), t);
            Fatal.rethrowIfFatal(t);
        } finally {
            span.finish();
            tell(r, Duration.between(started, clock.instant()), failure);
        }
    }

    private void tell(LessonScheduleRequest r, Duration took, Throwable failure) {
        try {
            listener.finished(r, took, failure);
        } catch (RuntimeException e) {
            LOG.warn("a request listener failed: {}", e.toString());
        }
    }

    private void dispatch(Span span, LessonScheduleRequest r) {
        Runnable handler = switch (r.operation()) {
            case CREATE -> () -> backend.handleCreate(span, r);
            case MODIFY -> () -> backend.handleModify(span, r);
            case DELETE -> () -> backend.handleDelete(span, r);
        };
        handler.run();
    }

    /** A report that fails is logged on the span as an event; it does not make the request a failure. */
    private void report(Span span, LessonScheduleRequest r) {
        try {
            completions.completed(r, span.context());
        } catch (RuntimeException e) {
            Spans.event(span, "completion.unreported", Map.of("message", String.valueOf(e.getMessage())));
            LOG.warn("livelesson {}: created, but the completion could not be reported: {}", r.liveLessonId(), e.toString());
        }
    }
}
