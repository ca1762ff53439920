package io.antidote.tf.curriculum;

import com.fasterxml.jackson.databind.JsonNode;
import io.antidote.tf.grammar.Texts;

/**
 * How a YAML value is named in a problem: {@code "abc"}, {@code 42}, {@code a list}, {@code a mapping}. Whatever
 * the value holds, what is printed is one line of visible characters: a curriculum's text never moves a terminal's
 * cursor or hides part of a line.
 */
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
        return Texts.printable(value.asText());
    }

    /** {@code "text"}, shortened when long, with line breaks and other invisible characters escaped. */
    static String quote(String text) {
        String shown = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text;
        return "\"" + Texts.printable(shown.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
    }
}
