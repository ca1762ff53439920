package io.antidote.tf.sink;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Text as exactly one word of a POSIX shell (bash, dash, sh): single-quoted, each single quote written as
 * {@code '\''}. Inside single quotes nothing is special to the shell: no expansion, no command substitution, no word
 * splitting, no globbing, and a newline is an ordinary character. The one thing no shell word can hold is a NUL byte
 * (the argument would end there), so it is refused.
 */
public final class ShellWord {
    private ShellWord() {
    }

    /** {@code text} as one single-quoted shell word; {@code ''} for the empty string. */
    public static String quote(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new SinkException("a shell word cannot hold a NUL byte");
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** Each of {@code words} quoted, separated by single spaces. */
    public static String join(List<String> words) {
        return words.stream().map(ShellWord::quote).collect(Collectors.joining(" "));
    }

    /** A bash array literal of {@code words}: {@code ('a' 'b c')}. */
    public static String array(List<String> words) {
        return "(" + join(words) + ")";
    }
}
