package io.antidote.tf.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the document {@code terraform output -json} prints: {@code {"name":{"sensitive":..,"type":..,"value":..}}}. */
final class OutputParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OutputParser() {
    }

    /** The outputs, or a {@link TerraformOutputException} saying what is wrong (never quoting a value). */
    static Map<String, OutputValue> parse(String document, RunReport report) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (IOException e) {
            throw new TerraformOutputException("`terraform output -json` printed something that is not JSON", report);
        }
        if (root == null || root.isMissingNode()) {
            throw new TerraformOutputException("`terraform output -json` printed nothing", report);
        }
        if (!root.isObject()) {
            throw new TerraformOutputException("`terraform output -json` printed a JSON " + root.getNodeType()
                    + ", not an object of outputs", report);
        }
        Map<String, OutputValue> outputs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode o = e.getValue();
            if (!o.isObject() || !o.has("value") || (o.has("sensitive") && !o.get("sensitive").isBoolean())) {
                throw new TerraformOutputException("output '" + e.getKey()
                        + "' is not {sensitive: boolean, type, value}", report);
            }
            outputs.put(e.getKey(), new OutputValue(o.path("sensitive").asBoolean(false), o.path("type"),
                    o.get("value")));
        }
        return java.util.Collections.unmodifiableMap(outputs);
    }
}
