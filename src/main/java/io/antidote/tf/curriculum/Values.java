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
        return printable(value.asText());
    }

    /** {@code "text"}, shortened when long, with line breaks and other invisible characters escaped. */
    static String quote(String text) {
        String shown = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text;
        return "\"" + printable(shown.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
    }

    /** {@code text} with every invisible character written as an escape ({@code \n}, {@code \t}, {@code \u001B}). */
    static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (Texts.invisible(cp)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append(switch (cp) {
                    case '\n' -> "\\n";
                    case '\t' -> "\\t";
                    case '\r' -> "\\r";
                    default -> String.format("\\u%04X", cp);
                });
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }
}
