package io.antidote.tf.terraform;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A plan file that {@code terraform plan} wrote successfully. Only {@link Terraform#plan} and
 * {@link Terraform#planDestroy} make one, and {@link Terraform#apply} takes nothing else, so nothing can be applied
 * without a successful plan. A saved plan is applied at most once.
 */
public final class SavedPlan {
    private final Workspace workspace;
    private final Path file;
    private final PlanSummary summary;
    private final boolean destroy;
    private final AtomicBoolean used = new AtomicBoolean();

    SavedPlan(Workspace workspace, Path file, PlanSummary summary, boolean destroy) {
        this.workspace = workspace;
        this.file = file;
        this.summary = summary;
        this.destroy = destroy;
    }

    public Workspace workspace() {
        return workspace;
    }

    public Path file() {
        return file;
    }

    /** The counts from the plan's {@code change_summary}. */
    public PlanSummary summary() {
        return summary;
    }

    public boolean destroy() {
        return destroy;
    }

    /** Marks the plan applied; false if it already was. */
    boolean claim() {
        return used.compareAndSet(false, true);
    }

    @Override
    public String toString() {
        return "SavedPlan[" + workspace.stack() + ", " + file.getFileName() + ", " + summary + ", destroy=" + destroy
                + "]";
    }
}
