package io.antidote.tf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.testing.DockerEngine;
import io.antidote.tf.testing.Requirements;
import org.junit.jupiter.api.Test;

/**
 * {@code serve} killed with SIGKILL at random points of CREATE, MODIFY and DELETE (and a terraform killed now and
 * then), then started again: every livelesson ends READY, deleted or Error with evidence, and no workspace, ledger
 * entry or process is left. The short run CI affords; {@code bin/soak} runs the same with 200 lifecycles.
 */
class ServeRestartIT {

    @Test
    void killNineOfServeAtRandomPointsLosesNothingAndLeaksNothing() throws Exception {
        Requirements.tool("terraform");
        long seed = Long.getLong("antidote.chaos.seed", System.nanoTime());
        try (CliLab lab = new CliLab()) {
            ServeChaos.Tally tally = new ServeChaos(lab, new ServeChaos.Plan(6, 3, 0.04, 0.05, 2, seed), 6, System.out)
                    .run();
            System.out.println("ServeRestartIT (seed " + seed + "): " + tally.line());
            assertThat(tally.problems()).as("seed " + seed + ": " + tally.line()).isEmpty();
            assertThat(tally.lifecycles()).isEqualTo(6);
            assertThat(tally.serveKills()).as("seed " + seed).isGreaterThanOrEqualTo(2);
        }
    }

    /**
     * The same on the docker target, with the real Docker engine and stand-in images: a container, network or
     * iptables chain of a livelesson must not outlive it either.
     */
    @Test
    void onTheDockerTargetKillNineOfServeLosesNothingAndLeavesNoContainer() throws Exception {
        Requirements.tool("terraform");
        DockerEngine.require();
        long seed = Long.getLong("antidote.chaos.seed", System.nanoTime());
        try (CliLab lab = new CliLab()) {
            DockerEngine.standins(lab.curriculum, "antidotelabs", "latest", "latest");
            ServeChaos.Tally tally = ServeChaos.onDocker(lab, new ServeChaos.Plan(3, 2, 0.0, 0.03, 1, seed),
                    System.out).run();
            System.out.println("ServeRestartIT docker (seed " + seed + "): " + tally.line());
            assertThat(tally.problems()).as("seed " + seed + ": " + tally.line()).isEmpty();
            assertThat(tally.serveKills()).isEqualTo(1);
        }
    }
}
