package io.antidote.tf.terraform;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One root-module output as {@code terraform output -json} prints it. {@link #toString()} never shows a sensitive
 * value; read it with {@link #value()} only where it is needed.
 *
 * @param sensitive whether the configuration marks it sensitive
 * @param type its cty type in JSON form ({@code "string"}, {@code ["map","string"]}, ...)
 * @param value its value
 */
public record OutputValue(boolean sensitive, JsonNode type, JsonNode value) {
    @Override
    public String toString() {
        return "OutputValue[sensitive=" + sensitive + ", type=" + type + ", value="
                + (sensitive ? "(sensitive)" : String.valueOf(value)) + "]";
    }

    /** The value as text: a JSON string's content, any other value as JSON. */
    public String asText() {
        return value == null ? "" : value.isTextual() ? value.asText() : value.toString();
    }
}
