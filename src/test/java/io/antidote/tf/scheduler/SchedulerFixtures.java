package io.antidote.tf.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.SchedulerConfig;
import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.Operation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Configurations, requests and waiting helpers shared by the scheduler tests. */
public final class SchedulerFixtures {
    private SchedulerFixtures() {
    }

    public static AntidoteConfig config(int liveSessionTtlMinutes, int gcIntervalSeconds, int maxConcurrent) {
        return new AntidoteConfig("test", Path.of("/nonexistent-curriculum"), null, null, null, null, null,
                liveSessionTtlMinutes, 30, null, null, null, null, null, null, null, null, null,
                new SchedulerConfig(gcIntervalSeconds, maxConcurrent), null, null, null);
    }

    public static LessonScheduleRequest request(Operation op, String liveLessonId, int stage) {
        return new LessonScheduleRequest(op, liveLessonId, "session-" + liveLessonId, "example-lesson", stage);
    }

    /** Waits up to {@code timeout} for {@code condition}; fails with {@code what} if it never holds. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            Thread.sleep(10);
        }
    }

    /** The live threads this project's scheduler started (their names start with {@code antidote-scheduler-}). */
    public static List<String> schedulerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(Scheduler.THREAD_PREFIX))
                .map(Thread::getName).toList();
    }

    /** Asserts that every scheduler thread has ended (waiting a little for them to exit). */
    public static void assertNoSchedulerThreadsLeft() throws InterruptedException {
        try {
            await("scheduler threads to end", Duration.ofSeconds(5), () -> schedulerThreads().isEmpty());
        } catch (AssertionError e) {
            assertThat(schedulerThreads()).as("scheduler threads left behind").isEmpty();
        }
    }
}
