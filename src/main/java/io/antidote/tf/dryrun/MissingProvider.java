package io.antidote.tf.dryrun;

import io.antidote.tf.terraform.ProviderUnavailableException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The first provider a plan run found terraform cannot install. Every stack that needs it would fail the same way,
 * so once it is found no other stack is tried (each is {@link Skipped}), the progress shows no more outcomes, and
 * the run ends with one line naming the provider ({@link #throwIfFound}) instead of a report of identical failures.
 * Shared by the workers of both modes.
 */
final class MissingProvider {
    private final AtomicReference<ProviderUnavailableException> found = new AtomicReference<>();
    private final Progress progress;

    MissingProvider(Progress progress) {
        this.progress = progress;
    }

    /** Records {@code e}, unless a provider was found missing before. */
    void found(ProviderUnavailableException e) {
        if (found.compareAndSet(null, e)) {
            progress.silence();
        }
    }

    boolean isFound() {
        return found.get() != null;
    }

    /** @throws Skipped when a provider was found missing: the caller's stack is not planned */
    void checkNotFound() {
        if (isFound()) {
            throw new Skipped(notPlanned());
        }
    }

    /** The result of a stack not planned because a provider was found missing. */
    String notPlanned() {
        ProviderUnavailableException e = found.get();
        return "not planned: " + (e == null ? "a provider cannot be installed" : e.reason());
    }

    /**
     * @param planned how many stacks were planned before it was found (of other provider sets)
     * @throws DryRunException naming the provider on one line, when one was found missing
     */
    void throwIfFound(long planned) {
        Optional.ofNullable(found.get()).ifPresent(e -> {
            throw new DryRunException(e.reason() + (planned == 0 ? " (no stack was planned)"
                    : " (" + planned + " stack(s) of other providers planned before it was found; no report)"), false, e);
        });
    }

    /** A stack not planned because a provider was found missing. */
    static final class Skipped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Skipped(String message) {
            super(message, null, false, false);
        }
    }
}
