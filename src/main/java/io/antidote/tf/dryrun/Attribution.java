package io.antidote.tf.dryrun;

import io.antidote.tf.terraform.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which lessons of a batch root terraform's error diagnostics are about: each error belongs to the lesson whose
 * file its source range is in, else to the lesson its address is in ({@link BatchRoot}). An error that names
 * neither (a provider that crashed, a plugin that did not start) is unattributed.
 *
 * @param lessons the keys of the lessons with at least one error
 * @param unattributed the errors that name no lesson of the root
 */
record Attribution(Set<String> lessons, List<Diagnostic> unattributed) {
    Attribution {
        lessons = Set.copyOf(lessons);
        unattributed = List.copyOf(unattributed);
    }

    /** Attributes {@code diagnostics} (warnings are ignored) to the lessons {@code keys} of a root. */
    static Attribution of(List<Diagnostic> diagnostics, Set<String> keys) {
        Set<String> lessons = new TreeSet<>();
        List<Diagnostic> unattributed = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            if (!d.isError()) {
                continue;
            }
            Optional<String> key = BatchRoot.keyOfFile(d.file()).filter(keys::contains)
                    .or(() -> BatchRoot.keyOfAddress(d.address()).filter(keys::contains));
            key.ifPresentOrElse(lessons::add, () -> unattributed.add(d));
        }
        return new Attribution(lessons, unattributed);
    }

    /** Every error names a lesson, and there is at least one. */
    boolean complete() {
        return unattributed.isEmpty() && !lessons.isEmpty();
    }
}
