package io.antidote.tf.backend.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.state.Ledger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Whether the owner of a claim is gone: by /proc on this machine's boot, by its heartbeat elsewhere. */
class ProcessOwnerTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    @Test
    void thisProcessAndItsParentAreAliveAndAnExitedOrReusedPidIsGone() {
        ProcessOwner me = ProcessOwner.current();
        try (Ledger ledger = Ledger.inMemory()) {
            assertThat(me.isGone(me.token(), ledger, clock)).isFalse();
            long parent = ProcessHandle.current().parent().orElseThrow().pid();
            String parentToken = me.bootId() + "/" + parent + "/" + ProcessOwner.startTime(parent).orElseThrow();
            assertThat(me.isGone(parentToken, ledger, clock)).isFalse();
            assertThat(me.isGone(me.bootId() + "/" + parent + "/1", ledger, clock)).as("same pid, other start time")
                    .isTrue();
            assertThat(me.isGone(me.bootId() + "/" + Integer.MAX_VALUE + "/1", ledger, clock)).isTrue();
        }
    }

    @Test
    void anOwnerOnAnotherMachineIsAliveWhileItBeats() {
        ProcessOwner me = ProcessOwner.current();
        String other = "other-boot/123/456";
        try (Ledger ledger = Ledger.inMemory()) {
            assertThat(me.isGone(other, ledger, clock)).as("never beat").isTrue();
            ledger.beat(other, T0.minus(ProcessOwner.STALE).plusSeconds(1));
            assertThat(me.isGone(other, ledger, clock)).isFalse();
            ledger.beat(other, T0.minus(ProcessOwner.STALE).minusSeconds(1));
            assertThat(me.isGone(other, ledger, clock)).isTrue();
        }
    }
}
