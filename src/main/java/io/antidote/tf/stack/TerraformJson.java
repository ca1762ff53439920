package io.antidote.tf.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;

/**
 * Makes a synthesized configuration canonical: no {@code //} comment blocks, no {@code terraform.backend} (the
 * runner owns state), every object's keys sorted, two-space indentation, a final newline. Same input, same bytes.
 * One parse into plain maps and lists, an in-place removal walk, one write that sorts the keys.
 */
public final class TerraformJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private TerraformJson() {
    }

    /** The canonical text of the Terraform JSON {@code json} (an object). */
    public static String canonical(String json) {
        Map<String, Object> tree;
        try {
            tree = MAPPER.readValue(json, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null) {
            throw new IllegalArgumentException("not JSON: null");
        }
        if (tree.get("terraform") instanceof Map<?, ?> terraform) {
            terraform.remove("backend");
        }
        strip(tree);
        try {
            return MAPPER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** Removes every {@code //} key below {@code node}, in place. */
    private static void strip(Object node) {
        if (node instanceof Map<?, ?> object) {
            object.remove("//");
            object.values().forEach(TerraformJson::strip);
        } else if (node instanceof List<?> array) {
            array.forEach(TerraformJson::strip);
        }
    }
}
