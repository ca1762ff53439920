package io.antidote.tf.stack;

import java.util.Objects;

/**
 * One piece of what explains a livelesson's failure: a title (where it comes from: a file, a container, a command)
 * and its text, cut to {@link #MAX} characters (the end kept: the last lines say most).
 */
public record EvidenceSection(String title, String text) {
    /** The most characters of one section. */
    public static final int MAX = 3000;

    public EvidenceSection {
        Objects.requireNonNull(title, "title");
        text = text == null ? "" : text.strip();
        if (text.length() > MAX) {
            text = "[... " + (text.length() - MAX) + " characters before]\n" + text.substring(text.length() - MAX);
        }
    }
}
