package io.antidote.tf.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one line of terraform's {@code -json} stream into a {@link TerraformEvent}. Never throws: a line that is not
 * a JSON object is {@link TerraformEvent.Junk}, an unknown type is {@link TerraformEvent.Other}, unknown and
 * missing fields are ignored.
 */
public final class EventParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventParser() {
    }

    public static TerraformEvent parse(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("{")) {
            return new TerraformEvent.Junk(line);
        }
        JsonNode node;
        try {
            node = JSON.readTree(trimmed);
        } catch (JsonProcessingException | RuntimeException e) {
            return new TerraformEvent.Junk(line);
        }
        if (node == null || !node.isObject()) {
            return new TerraformEvent.Junk(line);
        }
        return typed(node);
    }

    private static TerraformEvent typed(JsonNode n) {
        String type = text(n, "type");
        String message = text(n, "@message");
        String level = text(n, "@level");
        Optional<HookType> hook = HookType.fromWire(type);
        if (hook.isPresent()) {
            JsonNode h = n.path("hook");
            return new TerraformEvent.Hook(hook.get(), text(h.path("resource"), "addr"), text(h, "action"),
                    h.path("elapsed_seconds").asDouble(0), message);
        }
        return switch (type) {
            case "version" -> n.hasNonNull("tofu")
                    ? new TerraformEvent.Version("tofu", text(n, "tofu"), text(n, "ui"), message)
                    : new TerraformEvent.Version("terraform", text(n, "terraform"), text(n, "ui"), message);
            case "log" -> new TerraformEvent.Log(level, message);
            case "diagnostic" -> diagnostic(n.path("diagnostic"), message);
            case "planned_change", "resource_drift" -> {
                JsonNode c = n.path("change");
                yield new TerraformEvent.PlannedChange(text(c.path("resource"), "addr"), text(c, "action"),
                        text(c, "reason"), type.equals("resource_drift"), message);
            }
            case "change_summary" -> {
                JsonNode c = n.path("changes");
                yield new TerraformEvent.ChangeSummary(new PlanSummary(c.path("add").asInt(0),
                        c.path("change").asInt(0), c.path("import").asInt(0), c.path("remove").asInt(0),
                        text(c, "operation")), message);
            }
            case "outputs" -> outputs(n.path("outputs"), message);
            default -> new TerraformEvent.Other(type, level, message);
        };
    }

    private static TerraformEvent diagnostic(JsonNode d, String message) {
        return new TerraformEvent.DiagnosticLine(new Diagnostic(text(d, "severity"), text(d, "summary"),
                text(d, "detail"), text(d, "address"), text(d.path("range"), "filename")), message);
    }

    private static TerraformEvent outputs(JsonNode o, String message) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        Map<String, String> actions = new LinkedHashMap<>();
        o.fields().forEachRemaining(e -> {
            names.put(e.getKey(), e.getValue().path("sensitive").asBoolean(false));
            if (e.getValue().hasNonNull("action")) {
                actions.put(e.getKey(), text(e.getValue(), "action"));
            }
        });
        return new TerraformEvent.Outputs(names, actions, message);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : "";
    }
}
