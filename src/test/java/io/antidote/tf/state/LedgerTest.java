package io.antidote.tf.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend's ledger on a real SQLite file, opened twice as two processes would (each with its own connections):
 * one claim per livelesson, taken over only when the caller accepts the holder as gone; deletions and pending destroys
 * seen by both.
 */
class LedgerTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path dir;

    private static Claim claim(String id, String owner, String op) {
        return new Claim(id, owner, op, T0, 1);
    }

    @Test
    void aClaimIsHeldByOneOwnerUntilReleasedOrTakenOverAndBothSidesSeeIt() {
        Path file = dir.resolve("state.db");
        try (SqliteDataManager a = SqliteDataManager.open(file.toString());
                SqliteDataManager b = SqliteDataManager.open(file.toString())) {
            Ledger la = a.ledger();
            Ledger lb = b.ledger();
            assertThat(la.tryClaim(claim("l1", "A", "CREATE"), held -> false).taken()).isTrue();
            Ledger.ClaimAttempt refused = lb.tryClaim(claim("l1", "B", "DELETE"), held -> false);
            assertThat(refused.taken()).isFalse();
            assertThat(refused.previous()).contains(claim("l1", "A", "CREATE"));
            assertThat(la.tryClaim(claim("l1", "A", "MODIFY"), held -> false).taken()).as("its owner again").isTrue();
            lb.release("l1", "B");
            assertThat(lb.claim("l1")).as("another owner's release changes nothing").map(Claim::owner).contains("A");
            Ledger.ClaimAttempt takeOver = lb.tryClaim(claim("l1", "B", "DELETE"), held -> held.owner().equals("A"));
            assertThat(takeOver.taken()).isTrue();
            assertThat(takeOver.previous()).map(Claim::operation).contains("MODIFY");
            assertThat(la.claim("l1")).map(Claim::owner).contains("B");
            la.release("l1", "B");
            assertThat(lb.claims()).isEmpty();
        }
    }

    @Test
    void concurrentClaimsOfOneLivelessonFromTwoConnectionsLetExactlyOneWin() throws Exception {
        Path file = dir.resolve("state.db");
        try (SqliteDataManager a = SqliteDataManager.open(file.toString());
                SqliteDataManager b = SqliteDataManager.open(file.toString())) {
            for (int round = 0; round < 20; round++) {
                String id = "l" + round;
                AtomicInteger won = new AtomicInteger();
                CountDownLatch go = new CountDownLatch(1);
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < 6; t++) {
                    Ledger ledger = (t % 2 == 0 ? a : b).ledger();
                    String owner = "owner" + t;
                    Thread thread = new Thread(() -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        if (ledger.tryClaim(claim(id, owner, "CREATE"), held -> false).taken()) {
                            won.incrementAndGet();
                        }
                    });
                    thread.start();
                    threads.add(thread);
                }
                go.countDown();
                for (Thread t : threads) {
                    t.join();
                }
                assertThat(won.get()).as("round " + round).isEqualTo(1);
            }
        }
    }

    @Test
    void deletionsOwnersAndPendingDestroysAreShared() {
        Path file = dir.resolve("state.db");
        try (SqliteDataManager a = SqliteDataManager.open(file.toString());
                SqliteDataManager b = SqliteDataManager.open(file.toString())) {
            a.ledger().requestDeletion("l1", T0);
            b.ledger().requestDeletion("l1", T0.plusSeconds(5));
            assertThat(b.ledger().deletions()).containsExactly(new DeletionRequest("l1", T0));
            assertThat(b.ledger().deletionRequested("l1")).isTrue();
            a.ledger().clearDeletion("l1");
            assertThat(b.ledger().deletionRequested("l1")).isFalse();

            a.ledger().beat("A", T0);
            assertThat(b.ledger().lastBeat("A")).contains(new OwnerBeat("A", T0));
            a.ledger().beat("A", T0.plusSeconds(5));
            assertThat(b.ledger().lastBeat("A")).map(OwnerBeat::beat).contains(T0.plusSeconds(5));
            a.ledger().forgetOwner("A");
            assertThat(b.ledger().owners()).isEmpty();

            PendingDestroy p = new PendingDestroy("l2", PendingDestroy.RETRY, 0, T0, "", T0);
            a.ledger().putDestroy(p);
            PendingDestroy again = p.failedAgain("state locked", T0.plusSeconds(60));
            b.ledger().putDestroy(again);
            assertThat(a.ledger().pendingDestroy("l2")).contains(again);
            assertThat(again.attempts()).isEqualTo(1);
            assertThat(again.since()).isEqualTo(T0);
            b.ledger().removeDestroy("l2");
            assertThat(a.ledger().pendingDestroys()).isEmpty();
        }
    }

    @Test
    void anInMemoryLedgerWorksAlike() {
        try (Ledger l = Ledger.inMemory()) {
            assertThat(l.tryClaim(claim("l1", "A", "CREATE"), held -> false).taken()).isTrue();
            assertThat(l.tryClaim(claim("l1", "B", "CREATE"), held -> false).taken()).isFalse();
            l.release("l1", "A");
            assertThat(l.claim("l1")).isEmpty();
        }
    }
}
