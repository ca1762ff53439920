package io.antidote.tf.curriculum;

import com.fasterxml.jackson.databind.JsonNode;

/** How a YAML value is named in a problem: {@code "abc"}, {@code 42}, {@code a list}, {@code a mapping}. */
final class Values {
    private static final int MAX_TEXT = 60;

    private Values() {
    }

    static String describe(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isTextual()) {
            return quote(value.asText());
        }
        return value.asText();
    }

    /** {@code "text"}, shortened when long, with line breaks shown as {@code \n}. */
    static String quote(String text) {
        String shown = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text;
        return "\"" + shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
