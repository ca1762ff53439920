package io.antidote.tf.curriculum;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a curriculum, as data: which file (relative to the curriculum directory), which field of it
 * ({@code endpoints[1].presentations[0].port}; empty when the problem concerns the whole file) and why.
 */
public record Problem(Path file, String field, String reason) {

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
        field = field == null ? "" : field;
    }

    /**
     * {@code file: field: reason}, or {@code file: reason} for a problem about the whole file; one line of visible
     * characters whatever the names hold (a directory named with a newline or an escape sequence is shown escaped).
     */
    public String format() {
        String name = file.toString().replace('\\', '/');
        return io.antidote.tf.grammar.Texts.printable(field.isEmpty() ? name + ": " + reason : name + ": " + field + ": " + reason);
    }

    @Override
    public String toString() {
        return format();
    }
}
