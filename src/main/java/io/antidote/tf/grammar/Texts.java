package io.antidote.tf.grammar;

import java.util.Optional;

/**
 * Free text (names, descriptions, tags, URLs) and secrets. Text never holds a control character (NUL, escape,
 * carriage return, ...), a Unicode line or paragraph separator, or a bidirectional override or isolate (which
 * make text display differently from what it is); prose may hold newlines and tabs, a line may not. Lengths are
 * bounded. Any other character, non-ASCII included, is fine.
 */
public final class Texts {

    private Texts() {
    }

    /** One line of at most {@code max} characters. */
    public static Rule line(int max) {
        return Rule.length(1, max).and(value -> hidden(value, false));
    }

    /** Prose of at most {@code max} characters: newlines and tabs allowed. */
    public static Rule prose(int max) {
        return Rule.length(1, max).and(value -> hidden(value, true));
    }

    /** Printable ASCII (space to tilde) of at most {@code max} characters: passwords that reach commands. */
    public static Rule printableAscii(int max) {
        return Rule.length(1, max).and(value -> {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || c > 0x7e) {
                    return Optional.of("must be printable ASCII (space to '~'); character " + (i + 1)
                            + " is not");
                }
            }
            return Optional.empty();
        });
    }

    /** An absolute {@code http://} or {@code https://} URL of at most {@code max} characters, no spaces. */
    public static Rule url(int max) {
        return Rule.length(1, max).and(value -> hidden(value, false)).and(value -> {
            if (!value.matches("(?i)https?://[^\\s/?#]+[^\\s]*")) {
                return Optional.of("must be an http:// or https:// URL without spaces");
            }
            try {
                java.net.URI uri = new java.net.URI(value);
                return uri.getHost() == null ? Optional.of("must be an http:// or https:// URL with a host name")
                        : Optional.empty();
            } catch (java.net.URISyntaxException e) {
                return Optional.of("must be a well-formed URL (" + e.getReason() + " at index " + e.getIndex() + ")");
            }
        });
    }

    /** The first character that text may not hold, described, if any. */
    private static Optional<String> hidden(String value, boolean prose) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            boolean allowed = prose && (cp == '\n' || cp == '\t');
            if (!allowed && forbidden(cp)) {
                return Optional.of("must not contain " + name(cp) + " (character " + (i + 1) + ")"
                        + (prose ? "" : "; it is a single line"));
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    /**
     * Whether text may never hold {@code codePoint}: a control character, a line or paragraph separator, a lone
     * surrogate, a bidirectional embedding, override or isolate.
     */
    public static boolean invisible(int codePoint) {
        return forbidden(codePoint);
    }

    private static boolean forbidden(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE || cp >= 0x202a && cp <= 0x202e || cp >= 0x2066 && cp <= 0x2069;
    }

    private static String name(int cp) {
        String hex = String.format("U+%04X", cp);
        return switch (cp) {
            case 0 -> "a NUL character (" + hex + ")";
            case '\n' -> "a newline (" + hex + ")";
            case '\t' -> "a tab (" + hex + ")";
            case '\r' -> "a carriage return (" + hex + ")";
            default -> Character.getType(cp) == Character.SURROGATE ? "a lone surrogate (" + hex + ")"
                    : Character.getType(cp) == Character.CONTROL ? "a control character (" + hex + ")"
                    : "an invisible formatting character (" + hex + ")";
        };
    }

    /**
     * {@code text} with every invisible character written as an escape: {@code \n}, {@code \t}, {@code \r}, or a
     * backslash, {@code u} and four hex digits. What is printed is one line that shows everything it holds.
     */
    public static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (invisible(cp)) {
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
