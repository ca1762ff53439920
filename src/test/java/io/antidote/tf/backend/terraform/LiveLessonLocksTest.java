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

    /** A thread holding {@code id}'s lock until {@link #release}. */
    private final class Holder {
        final CountDownLatch held = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final Thread thread;

        Holder(String id) throws InterruptedException {
            thread = new Thread(() -> locks.run(id, () -> {
                held.countDown();
                awaitQuietly(release);
            }));
            thread.start();
            held.await();
        }

        void release() throws InterruptedException {
            release.countDown();
            thread.join();
        }
    }

    @Test
    void aLiveLessonHeldByAnotherThreadIsGivenUpAndItsWorkNeverRuns() throws Exception {
        Holder holder = new Holder("ll1");
        AtomicBoolean ran = new AtomicBoolean();
        assertThat(locks.tryRun("ll1", Duration.ofMillis(50), () -> ran.set(true))).isFalse();
        assertThat(ran).isFalse();
        assertThat(locks.tryRun("ll2", Duration.ZERO, () -> ran.set(true))).as("other livelessons are free").isTrue();
        assertThat(locks.inUse()).as("only the holder's lock").isEqualTo(1);
        holder.release();
        assertThat(locks.inUse()).isZero();
    }

    @Test
    void anInterruptedWaitGivesUpAndKeepsTheInterrupt() throws Exception {
        Holder holder = new Holder("ll1");
        Thread.currentThread().interrupt();
        try {
            assertThat(locks.tryRun("ll1", Duration.ofDays(1), () -> { })).isFalse();
            assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
        } finally {
            holder.release();
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
