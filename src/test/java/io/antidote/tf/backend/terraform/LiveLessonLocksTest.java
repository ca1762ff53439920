package io.antidote.tf.backend.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The bounded wait garbage collection uses: a busy livelesson is given up, a free one runs, nothing leaks. */
class LiveLessonLocksTest {
    private final LiveLessonLocks locks = new LiveLessonLocks();

    @Test
    void aFreeLiveLessonRunsAtOnce() {
        AtomicBoolean ran = new AtomicBoolean();
        assertThat(locks.tryRun("ll1", Duration.ZERO, () -> ran.set(true))).isTrue();
        assertThat(ran).isTrue();
        assertThat(locks.inUse()).isZero();
    }

    @Test
    void aLiveLessonHeldByAnotherThreadIsGivenUpAndItsWorkNeverRuns() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> locks.run("ll1", () -> {
            held.countDown();
            awaitQuietly(release);
        }));
        holder.start();
        held.await();
        AtomicBoolean ran = new AtomicBoolean();
        assertThat(locks.tryRun("ll1", Duration.ofMillis(50), () -> ran.set(true))).isFalse();
        assertThat(ran).isFalse();
        assertThat(locks.tryRun("ll2", Duration.ZERO, () -> ran.set(true))).as("other livelessons are free").isTrue();
        assertThat(locks.inUse()).as("only the holder's lock").isEqualTo(1);
        release.countDown();
        holder.join();
        assertThat(locks.inUse()).isZero();
    }

    @Test
    void anInterruptedWaitGivesUpAndKeepsTheInterrupt() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> locks.run("ll1", () -> {
            held.countDown();
            awaitQuietly(release);
        }));
        holder.start();
        held.await();
        Thread.currentThread().interrupt();
        try {
            assertThat(locks.tryRun("ll1", Duration.ofDays(1), () -> { })).isFalse();
            assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
        } finally {
            release.countDown();
            holder.join();
        }
        assertThat(locks.inUse()).isZero();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
