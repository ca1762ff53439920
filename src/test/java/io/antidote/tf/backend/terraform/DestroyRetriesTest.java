package io.antidote.tf.backend.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.state.Ledger;
import io.antidote.tf.state.PendingDestroy;
import io.antidote.tf.tracing.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The backoff of failed destroys and when a stack counts as stuck. */
class DestroyRetriesTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void theWaitStartsAtTheIntervalDoublesAndStopsAtTheLongest() {
        try (Ledger ledger = Ledger.inMemory()) {
            DestroyRetries r = new DestroyRetries(ledger, Clock.fixed(T0, ZoneOffset.UTC), Duration.ofSeconds(60),
                    Duration.ofMinutes(5), 3, Redactor.DEFAULT);
            assertThat(r.backoff(1)).isEqualTo(Duration.ofSeconds(60));
            assertThat(r.backoff(2)).isEqualTo(Duration.ofSeconds(120));
            assertThat(r.backoff(3)).isEqualTo(Duration.ofSeconds(240));
            assertThat(r.backoff(4)).isEqualTo(Duration.ofMinutes(5));
            assertThat(r.backoff(50)).isEqualTo(Duration.ofMinutes(5));
        }
    }

    @Test
    void eachFailureCountsAndPostponesAndTheNthIsStuckWithItsLastErrorRedacted() {
        try (Ledger ledger = Ledger.inMemory()) {
            DestroyRetries r = new DestroyRetries(ledger, Clock.fixed(T0, ZoneOffset.UTC), Duration.ofSeconds(60),
                    Duration.ofMinutes(5), 3, Redactor.DEFAULT.withSecrets(java.util.List.of("hunter2-secret")));
            r.due("l1");
            assertThat(ledger.pendingDestroy("l1")).map(PendingDestroy::attempts).contains(0);
            PendingDestroy first = r.failed("l1", new RuntimeException("state locked by hunter2-secret\nmore"));
            assertThat(first.attempts()).isEqualTo(1);
            assertThat(first.due()).isEqualTo(T0.plusSeconds(60));
            assertThat(first.lastError()).isEqualTo("state locked by " + Redactor.MASK);
            assertThat(r.stuck(first)).isFalse();
            r.failed("l1", new RuntimeException("again"));
            PendingDestroy third = r.failed("l1", new RuntimeException("again"));
            assertThat(third.attempts()).isEqualTo(3);
            assertThat(third.due()).isEqualTo(T0.plusSeconds(240));
            assertThat(r.stuck(third)).isTrue();
            r.done("l1");
            assertThat(ledger.pendingDestroys()).isEmpty();
        }
    }

    @Test
    void aKeptStackIsDueAfterItsTime() {
        try (Ledger ledger = Ledger.inMemory()) {
            DestroyRetries r = new DestroyRetries(ledger, Clock.fixed(T0, ZoneOffset.UTC), Duration.ofSeconds(60),
                    Duration.ofMinutes(5), 3, Redactor.DEFAULT);
            r.keep("l1", Duration.ofMinutes(30));
            assertThat(ledger.pendingDestroy("l1")).contains(new PendingDestroy("l1", PendingDestroy.KEPT, 0,
                    T0.plus(Duration.ofMinutes(30)), "", T0));
        }
    }
}
