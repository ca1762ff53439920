package io.antidote.tf.terraform;

/**
 * Receives what terraform commands do, as it happens: each typed event of the {@code -json} stream, each process
 * start and each command's end. Called on output-pump threads; must be quick and must not throw (a throwing listener is logged and
 * ignored).
 */
public interface TerraformListener {
    TerraformListener NONE = new TerraformListener() {
    };

    /** A terraform process started for {@code phase}; {@code pid} also names its process group. */
    default void started(Phase phase, Workspace workspace, long pid) {
    }

    /** One event of the command's output. */
    default void event(Phase phase, Workspace workspace, TerraformEvent event) {
    }

    /**
     * A command of a stack ended: {@code succeeded} when it exited as expected, false when it failed, timed out,
     * stalled, was cancelled or could not start. Called on the thread that ran it.
     */
    default void finished(Phase phase, Workspace workspace, boolean succeeded) {
    }
}
