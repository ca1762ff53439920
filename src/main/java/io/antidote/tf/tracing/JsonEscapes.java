package io.antidote.tf.tracing;

/**
 * How a string looks inside a JSON string, so that a secret is recognised in JSON text too: {@link #minimal} as
 * Jackson writes it (quote, backslash and control characters escaped), {@link #html} as Go's encoding/json writes it
 * by default (also {@code <}, {@code >}, {@code &}, U+2028 and U+2029 as {@code \}{@code u} escapes): terraform's
 * {@code -json} output is Go's.
 */
final class JsonEscapes {
    private JsonEscapes() {
    }

    static String minimal(String s) {
        return escape(s, false);
    }

    static String html(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean go) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean htmlChar = c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029';
                    if (c < 0x20 && !go) {
                        out.append(c == '\b' ? "\\b" : c == '\f' ? "\\f" : String.format("\\u%04X", (int) c));
                    } else if (c < 0x20 || go && htmlChar) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
