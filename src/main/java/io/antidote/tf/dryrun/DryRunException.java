package io.antidote.tf.dryrun;

import io.antidote.tf.AntidoteException;

/**
 * A dry run that cannot start or finish as asked. {@link #usage()} tells whether the invocation itself was wrong
 * (an unknown lesson, a stage the lesson lacks, a configuration that cannot synthesize) rather than something
 * failing while it ran (an output directory that cannot be written).
 */
public class DryRunException extends AntidoteException {
    private static final long serialVersionUID = 1L;
    private final boolean usage;

    public DryRunException(String message, boolean usage) {
        super(message);
        this.usage = usage;
    }

    public DryRunException(String message, boolean usage, Throwable cause) {
        super(message, cause);
        this.usage = usage;
    }

    /** A usage error: the command line or configuration asks for something that does not exist. */
    public static DryRunException usage(String message) {
        return new DryRunException(message, true);
    }

    public boolean usage() {
        return usage;
    }
}
