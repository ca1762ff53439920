package io.antidote.tf.cli;

import io.antidote.tf.terraform.Phase;
import io.antidote.tf.terraform.TerraformEvent;
import io.antidote.tf.terraform.TerraformListener;
import io.antidote.tf.terraform.Workspace;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Per-resource progress of the terraform runs of one command, on stderr: one line per resource started, finished
 * or failed, with the time since the command began and terraform's own elapsed time, e.g.
 * {@code [  4.2s] apply_complete terraform_data.endpoint_web1 (create, 0.1s)}. Called on output-pump threads.
 */
final class ResourceProgress implements TerraformListener {
    private final PrintWriter err;
    private final long start = System.nanoTime();

    ResourceProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void event(Phase phase, Workspace workspace, TerraformEvent event) {
        if (event instanceof TerraformEvent.Hook hook && shown(hook)) {
            String line = String.format(Locale.ROOT, "[%6.1fs] %s %s (%s%s)", (System.nanoTime() - start) / 1e9,
                    hook.type().wire(), hook.address(), hook.action(),
                    switch (hook.type()) {
                        case APPLY_COMPLETE, APPLY_ERRORED, PROVISION_ERRORED ->
                                String.format(Locale.ROOT, ", %.1fs", hook.elapsedSeconds());
                        case APPLY_START, APPLY_PROGRESS, REFRESH_START, REFRESH_COMPLETE, PROVISION_START,
                                PROVISION_PROGRESS, PROVISION_COMPLETE -> "";
                    });
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        }
    }

    private static boolean shown(TerraformEvent.Hook hook) {
        return switch (hook.type()) {
            case APPLY_START, APPLY_COMPLETE, APPLY_ERRORED, PROVISION_ERRORED -> true;
            case APPLY_PROGRESS, REFRESH_START, REFRESH_COMPLETE, PROVISION_START, PROVISION_PROGRESS,
                    PROVISION_COMPLETE -> false;
        };
    }
}
