package io.antidote.tf.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.antidote.tf.testing.Requirements;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real failures with the real terraform: partial applies, timeouts, kills, stalls and a held state lock. */
class TerraformFailureIT {
    RunnerFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        Requirements.tool("terraform");
        fx = new RunnerFixture();
    }

    @AfterEach
    void nothingLeft() throws Exception {
        fx.assertNothingLeft();
    }

    /** {@code a}, then {@code b} running {@code command} in a local-exec provisioner, then {@code c}. */
    static String stack(String command) {
        return RunnerFixture.json("{'resource':{'terraform_data':{'a':{'input':'first'},"
                + "'b':{'input':'second','depends_on':['terraform_data.a'],"
                + "'provisioner':[{'local-exec':{'command':'" + command + "'}}]},"
                + "'c':{'input':'third','depends_on':['terraform_data.b']}}}}");
    }

    private Workspace prepared(Terraform tf, String id, String command) {
        Workspace ws = tf.workspaces().open(new StackId("inst", id));
        ws.writeStack(stack(command));
        tf.init(ws, null);
        return ws;
    }

    private void destroyAndRemove(Terraform tf, Workspace ws) {
        tf.destroy(ws, null);
        assertThat(tf.stateResources(ws, null)).isEmpty();
        tf.workspaces().remove(ws);
    }

    @Test
    void provisionerFailingHalfWayKeepsStateAndDestroyCleansUp() throws Exception {
        Terraform tf = fx.open(RunnerFixture.config("terraform", fx.workDir, 2, null, 120, 5, 60));
        Workspace ws = prepared(tf, "partial", "echo half way; exit 1");
        SavedPlan plan = tf.plan(ws, null);
        assertThat(plan.summary().add()).isEqualTo(3);
        TerraformCommandException e = catchThrowableOfType(TerraformCommandException.class,
                () -> tf.apply(plan, null));
        assertThat(e.report().orElseThrow().exitCode()).isEqualTo(1);
        assertThat(e.report().orElseThrow().errors()).anySatisfy(d -> {
            assertThat(d.summary()).containsIgnoringCase("local-exec");
            assertThat(d.address()).isEqualTo("terraform_data.b");
        });
        assertThat(e.getMessage()).contains("apply", ws.dir().toString(), "exited 1", "local-exec");
        assertThat(tf.stateResources(ws, null)).contains("terraform_data.a").doesNotContain("terraform_data.c");
        destroyAndRemove(tf, ws);
    }

    @Test
    void applyPastItsTimeoutIsCancelledInTwoPhasesAndStateStaysReadable() throws Exception {
        Terraform tf = fx.open(RunnerFixture.config("terraform", fx.workDir, 2, null, 4, 3, 600));
        Workspace ws = prepared(tf, "timeout", "sleep 93.1");
        SavedPlan plan = tf.plan(ws, null);
        long start = System.nanoTime();
        TerraformTimeoutException e = catchThrowableOfType(TerraformTimeoutException.class,
                () -> tf.apply(plan, null));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertThat(seconds).as("timeout 4 s + grace 3 s").isBetween(3L, 20L);
        assertThat(e.report().orElseThrow().outputTail() + e.report().orElseThrow().outputHead())
                .contains("terraform_data.b");
        assertThat(ProcessGroups.members(fx.lastPid.get(Phase.APPLY))).isEmpty();
        assertThat(tf.stateResources(ws, null)).contains("terraform_data.a");
        destroyAndRemove(tf, ws);
    }

    @Test
    void killedMidApplyLeavesReadableStateAndDestroyWorks() throws Exception {
        Terraform tf = fx.open(RunnerFixture.config("terraform", fx.workDir, 2, null, 120, 5, 600));
        Workspace ws = prepared(tf, "killed", "sleep 94.2");
        SavedPlan plan = tf.plan(ws, null);
        CountDownLatch sleeping = new CountDownLatch(1);
        fx.onEvent = ev -> {
            if (ev instanceof TerraformEvent.Hook h && h.type() == HookType.PROVISION_START) {
                sleeping.countDown();
            }
        };
        CompletableFuture<ApplyResult> apply = CompletableFuture.supplyAsync(() -> tf.apply(plan, null));
        assertThat(sleeping.await(60, TimeUnit.SECONDS)).isTrue();
        ProcessGroups.killGroup(fx.lastPid.get(Phase.APPLY));
        assertThatThrownBy(apply::join).hasCauseInstanceOf(TerraformCommandException.class);
        assertThat(tf.stateResources(ws, null)).as("the OS released the lock; state reads back").isNotNull();
        destroyAndRemove(tf, ws);
    }

    @Test
    void aRunThatPrintsNothingIsStalled() throws Exception {
        Terraform tf = fx.open(RunnerFixture.config("terraform", fx.workDir, 2, null, 120, 2, 3));
        Workspace ws = prepared(tf, "stall", "sleep 95.3");
        TerraformStalledException e = catchThrowableOfType(TerraformStalledException.class,
                () -> tf.apply(tf.plan(ws, null), null));
        assertThat(e.getMessage()).contains("printed nothing");
        assertThat(e.report().orElseThrow().exitCode()).isEqualTo(-1);
        destroyAndRemove(tf, ws);
    }

    @Test
    void aSecondApplyWhileTheFirstHoldsTheLockIsStateLocked() throws Exception {
        Terraform tf = fx.open(RunnerFixture.config("terraform", fx.workDir, 4, null, 120, 5, 600));
        Workspace ws = prepared(tf, "locked", "sleep 3");
        SavedPlan first = tf.plan(ws, null);
        SavedPlan second = tf.plan(ws, null);
        CountDownLatch holding = new CountDownLatch(1);
        fx.onEvent = ev -> {
            if (ev instanceof TerraformEvent.Hook h && h.type() == HookType.PROVISION_START) {
                holding.countDown();
            }
        };
        CompletableFuture<ApplyResult> running = CompletableFuture.supplyAsync(() -> tf.apply(first, null));
        assertThat(holding.await(60, TimeUnit.SECONDS)).isTrue();
        StateLockedException locked = catchThrowableOfType(StateLockedException.class, () -> tf.apply(second, null));
        assertThat(locked.lockInfo()).containsKeys("ID", "Operation", "Who");
        assertThat(locked.lockInfo().get("Operation")).isEqualTo("OperationTypeApply");
        assertThat(locked.getMessage()).contains("locked");
        assertThat(running.get(60, TimeUnit.SECONDS).summary().add()).isEqualTo(3);
        SavedPlan stale = tf.plan(ws, null);
        assertThat(stale.summary().hasChanges()).isFalse();
        destroyAndRemove(tf, ws);
    }
}
