package io.antidote.tf.cli;

/**
 * The exit codes of every command: {@link #OK}; {@link #FAILED} when the command ran and something failed (a stack
 * that does not plan, terraform missing, an output directory that cannot be written); {@link #USAGE} when the
 * invocation cannot run as given (an unknown option, a missing or invalid configuration file, a curriculum that is
 * not there, an unknown lesson). {@code plan --detailed-exitcode} also exits {@link #CHANGES} when every stack planned
 * and some would change, as {@code terraform plan -detailed-exitcode} does.
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int CHANGES = 2;

    private ExitCodes() {
    }
}
