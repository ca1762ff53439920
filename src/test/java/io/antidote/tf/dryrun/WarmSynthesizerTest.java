package io.antidote.tf.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.lesson.Lesson;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm-up runs once, ahead, on its own thread; a synth or a close never overlaps it. */
class WarmSynthesizerTest {
    @TempDir
    Path temp;

    @Test
    void aSynthWaitsForTheWarmUpWhichRunsOnce() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        DryRunFixture f = new DryRunFixture(temp);
        DryRunFixture.Counting local = DryRunFixture.local();
        WarmSynthesizer warm = new WarmSynthesizer(local, () -> {
            order.add("warm-up on " + Thread.currentThread().getName());
            await(release);
            order.add("warm");
        });
        assertThat(warm.started()).isFalse();
        warm.start();
        warm.start();
        DryRunStacks stacks = f.stacks(warm, DryRunSettings.defaults(), null);
        Lesson lesson = f.lessons().get(0);
        Thread synth = new Thread(() -> {
            stacks.synth(lesson);
            order.add("synth");
        });
        synth.start();
        synth.join(300);
        assertThat(local.count.get()).as("no synth before the warm-up ends").isZero();
        release.countDown();
        synth.join(10_000);
        assertThat(order).containsExactly("warm-up on synth-warm-up", "warm", "synth");
        warm.close();
    }

    @Test
    void aFailedWarmUpIsNotAFailedSynthAndCloseWaitsForARunningOne() throws Exception {
        DryRunFixture f = new DryRunFixture(temp);
        WarmSynthesizer failing = new WarmSynthesizer(DryRunFixture.local(), () -> {
            throw new IllegalStateException("no jsii module here");
        });
        DryRunStacks stacks = f.stacks(failing, DryRunSettings.defaults(), null);
        assertThat(stacks.synth(f.lessons().get(0)).stack().json()).contains("terraform_data");
        failing.close();

        CountDownLatch release = new CountDownLatch(1);
        List<String> done = new CopyOnWriteArrayList<>();
        WarmSynthesizer slow = new WarmSynthesizer(DryRunFixture.local(), () -> {
            await(release);
            done.add("warm");
        });
        slow.start();
        Thread closer = new Thread(() -> {
            slow.close();
            done.add("closed");
        });
        closer.start();
        closer.join(300);
        assertThat(done).as("close waits").isEmpty();
        release.countDown();
        closer.join(10_000);
        assertThat(done).containsExactly("warm", "closed");
        new WarmSynthesizer(DryRunFixture.local(), () -> done.add("never")).close();
        assertThat(done).doesNotContain("never");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
