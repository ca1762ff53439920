package io.antidote.tf.tracing;

import io.opentracing.Span;
import io.opentracing.Tracer;
import io.opentracing.tag.Tags;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Span helpers shared by every traced function. Text that goes into a span through them passes a {@link Redactor}
 * first: the {@linkplain Redactor#shared() shared redactor} unless the caller gives another.
 */
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

    /** Logs {@code error} to the span ({@code event=error}, {@code error.kind}, {@code message}) and tags it errored. */
    public static void error(Span span, Throwable error) {
        error(span, error, Redactor.shared());
    }

    /** As {@link #error(Span, Throwable)}, masking what {@code redactor} knows in the message. */
    public static void error(Span span, Throwable error, Redactor redactor) {
        Tags.ERROR.set(span, true);
        span.log(errorFields(error, redactor));
    }

    /** Logs one named event with fields; text values are redacted, numbers and booleans kept as they are. */
    public static void event(Span span, String event, Map<String, ?> fields) {
        event(span, event, fields, Redactor.shared());
    }

    /** As {@link #event(Span, String, Map)}, masking what {@code redactor} knows. */
    public static void event(Span span, String event, Map<String, ?> fields, Redactor redactor) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("event", redactor.redact(event));
        fields.forEach((k, v) -> all.put(k, v instanceof Number || v instanceof Boolean ? v
                : redactor.redact(String.valueOf(v))));
        span.log(all);
    }

    static Map<String, Object> errorFields(Throwable error, Redactor redactor) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", Tags.ERROR.getKey());
        fields.put("error.kind", error.getClass().getSimpleName());
        fields.put("message", redactor.redact(String.valueOf(error.getMessage())));
        return fields;
    }
}
