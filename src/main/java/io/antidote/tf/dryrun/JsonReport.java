package io.antidote.tf.dryrun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A plan report as JSON: {@code {"ok", "terraformVersion", "elapsedMs", "stacks": [{"lesson", "stack", "result",
 * "step", "add", "change", "import", "destroy", "error", "diagnostics", "elapsedMs"}]}}; counts are null for a stack
 * that did not plan.
 */
public final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(PlanReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", report.kind().name().toLowerCase(java.util.Locale.ROOT));
        root.put("ok", report.failed() == 0);
        root.put("stacksTotal", report.outcomes().size());
        root.put("stacksFailed", report.failed());
        root.put("stacksWithChanges", report.changed());
        root.put("terraformVersion", report.terraformVersion());
        root.put("elapsedMs", report.elapsed().toMillis());
        var stacks = root.putArray("stacks");
        for (StackOutcome o : report.outcomes()) {
            ObjectNode s = stacks.addObject();
            s.put("lesson", o.lesson());
            s.put("stack", o.stack());
            s.put("result", o.ok() ? report.kind().result(o) : "failed");
            s.put("step", o.step().name().toLowerCase(java.util.Locale.ROOT));
            if (o.ok()) {
                s.put("add", o.summary().add());
                s.put("change", o.summary().change());
                s.put("import", o.summary().imports());
                s.put("destroy", o.summary().remove());
            } else {
                s.putNull("add");
                s.putNull("change");
                s.putNull("import");
                s.putNull("destroy");
            }
            s.put("error", o.error());
            o.diagnostics().forEach(s.withArray("diagnostics")::add);
            if (o.diagnostics().isEmpty()) {
                s.putArray("diagnostics");
            }
            s.put("elapsedMs", o.elapsed().toMillis());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
