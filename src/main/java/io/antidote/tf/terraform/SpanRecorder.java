package io.antidote.tf.terraform;

import io.antidote.tf.tracing.Redactor;
import io.antidote.tf.tracing.Spans;
import io.opentracing.Span;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one command's events into span events, SLF4J log lines and per-resource timings. Messages are redacted;
 * output values never reach it ({@link TerraformEvent.Outputs} carries names only).
 */
final class SpanRecorder {
    private static final Logger LOG = LoggerFactory.getLogger("io.antidote.tf.terraform.output");
    private final Span span;
    private final Redactor redactor;
    private final Map<String, Duration> timings = new LinkedHashMap<>();

    SpanRecorder(Span span, Redactor redactor) {
        this.span = span;
        this.redactor = redactor;
    }

    synchronized void record(TerraformEvent event) {
        Message message = new Message(event);
        if (event instanceof TerraformEvent.Version v) {
            Spans.event(span, "terraform.version", Map.of("product", v.product(), "version", v.version()));
        } else if (event instanceof TerraformEvent.DiagnosticLine d) {
            Spans.event(span, "terraform.diagnostic", Map.of("severity", d.diagnostic().severity(),
                    "summary", redactor.redact(d.diagnostic().summary()), "address", d.diagnostic().address()));
            LOG.warn("{}", message);
        } else if (event instanceof TerraformEvent.PlannedChange c) {
            Spans.event(span, c.drift() ? "terraform.drift" : "terraform.planned_change",
                    Map.of("address", c.address(), "action", c.action()));
        } else if (event instanceof TerraformEvent.ChangeSummary s) {
            Spans.event(span, "terraform.change_summary", Map.of("add", s.summary().add(),
                    "change", s.summary().change(), "remove", s.summary().remove(),
                    "operation", s.summary().operation()));
            LOG.info("{}", message);
        } else if (event instanceof TerraformEvent.Hook h) {
            hook(h, message);
        } else if (event instanceof TerraformEvent.Outputs o) {
            Spans.event(span, "terraform.outputs", Map.of("names", String.join(",", o.sensitiveByName().keySet())));
        } else if (event instanceof TerraformEvent.Log) {
            LOG.info("{}", message);
        } else {
            LOG.debug("{}", message);
        }
    }

    private void hook(TerraformEvent.Hook h, Message message) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("address", h.address());
        fields.put("action", h.action());
        if (h.type() == HookType.APPLY_COMPLETE || h.type() == HookType.APPLY_ERRORED) {
            Duration took = Duration.ofMillis(Math.round(h.elapsedSeconds() * 1000));
            timings.put(h.address(), took);
            fields.put("elapsed_seconds", h.elapsedSeconds());
        }
        Spans.event(span, "terraform." + h.type().wire(), fields);
        if (h.type().failed()) {
            LOG.warn("{}", message);
        } else {
            LOG.info("{}", message);
        }
    }

    /**
     * An event's message, redacted only when printed: with the output logger above INFO most events are never
     * printed, and redaction is the costliest step per output line.
     */
    private final class Message {
        private final TerraformEvent event;

        Message(TerraformEvent event) {
            this.event = event;
        }

        @Override
        public String toString() {
            return redactor.redact(event.message());
        }
    }

    /** Seconds each resource's apply took, from {@code apply_complete}/{@code apply_errored}. */
    synchronized Map<String, Duration> timings() {
        return Map.copyOf(timings);
    }
}
