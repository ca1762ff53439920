package io.antidote.tf.tracing;

import io.opentracing.Span;
import io.opentracing.Tracer;
import io.opentracing.tag.Tags;
import java.util.Map;

/** Span helpers shared by every traced function. */
public final class Spans {
    private Spans() {
    }

    /** Starts a span named {@code operation}, a child of {@code parent} when there is one. */
    public static Span child(Tracer tracer, String operation, Span parent) {
        Tracer.SpanBuilder builder = tracer.buildSpan(operation);
        if (parent != null) {
            builder = builder.asChildOf(parent);
        }
        return builder.start();
    }

    /** Logs {@code error} to the span and tags it errored. */
    public static void error(Span span, Throwable error) {
        Tags.ERROR.set(span, true);
        span.log(LiveLessonFailures.errorFields(error));
    }

    /** Logs one named event with fields. */
    public static void event(Span span, String event, Map<String, ?> fields) {
        java.util.Map<String, Object> all = new java.util.LinkedHashMap<>();
        all.put("event", event);
        all.putAll(fields);
        span.log(all);
    }
}
