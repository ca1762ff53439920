package io.antidote.tf.dryrun;

import io.antidote.tf.terraform.Phase;
import io.antidote.tf.terraform.TerraformEvent;
import io.antidote.tf.terraform.TerraformListener;
import io.antidote.tf.terraform.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code planned_change} lines of the plans run in watched workspaces (batch roots), as the runner streams
 * them; give it to {@code Terraform.open} as the listener of the run. Lines of other workspaces are not kept.
 */
public final class PlanEvents implements TerraformListener {
    private final Map<Path, List<TerraformEvent.PlannedChange>> byDir = new ConcurrentHashMap<>();

    @Override
    public void event(Phase phase, Workspace workspace, TerraformEvent event) {
        if (phase == Phase.PLAN && workspace != null && event instanceof TerraformEvent.PlannedChange c && !c.drift()) {
            List<TerraformEvent.PlannedChange> changes = byDir.get(workspace.dir());
            if (changes != null) {
                changes.add(c);
            }
        }
    }

    /** Keeps the changes of the next plan in {@code ws} (forgetting any earlier ones). */
    void watch(Workspace ws) {
        byDir.put(ws.dir(), Collections.synchronizedList(new ArrayList<>()));
    }

    /** The changes kept since {@link #watch}, and stops keeping them. */
    List<TerraformEvent.PlannedChange> take(Workspace ws) {
        List<TerraformEvent.PlannedChange> changes = byDir.remove(ws.dir());
        if (changes == null) {
            return List.of();
        }
        synchronized (changes) {
            return List.copyOf(changes);
        }
    }
}
