package io.antidote.tf.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes a synthesized configuration canonical: no {@code //} comment blocks, no {@code terraform.backend} (the
 * runner owns state), every object's keys sorted, two-space indentation, a final newline. Same input, same bytes.
 */
public final class TerraformJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private TerraformJson() {
    }

    /** The canonical text of the Terraform JSON {@code json}. */
    public static String canonical(String json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree.get("terraform") instanceof ObjectNode terraform) {
            terraform.remove("backend");
        }
        try {
            return MAPPER.writeValueAsString(MAPPER.treeToValue(strip(tree), Object.class)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** The tree without {@code //} keys, objects as sorted maps. */
    private static JsonNode strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("//")) {
                    sorted.put(e.getKey(), strip(e.getValue()));
                }
            }
            ObjectNode out = MAPPER.createObjectNode();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(n -> items.add(strip(n)));
            return MAPPER.createArrayNode().addAll(items);
        }
        return node;
    }
}
