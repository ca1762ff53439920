package io.antidote.tf.curriculum;

import io.antidote.tf.grammar.Rule;
import io.antidote.tf.grammar.Texts;

/**
 * The grammars of a curriculum's free text: names and titles are one line, descriptions are prose (newlines and
 * tabs allowed), links are http(s) URLs; none holds a control character, and each has a length bound.
 */
final class Prose {
    static final int MAX_LINE = 200;
    static final int MAX_TAG = 64;
    static final int MAX_EMAIL = 254;
    static final int MAX_DESCRIPTION = 10_000;
    static final int MAX_URL = 2048;

    /** A name, a title or a short description. */
    static final Rule LINE = Texts.line(MAX_LINE);
    /** A tag, a version ({@code aVer}). */
    static final Rule WORDS = Texts.line(MAX_TAG);
    static final Rule EMAIL = Texts.line(MAX_EMAIL);
    static final Rule DESCRIPTION = Texts.prose(MAX_DESCRIPTION);
    static final Rule URL = Texts.url(MAX_URL);

    private Prose() {
    }
}
