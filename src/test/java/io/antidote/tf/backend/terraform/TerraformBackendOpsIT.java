package io.antidote.tf.backend.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.live.Operation;
import io.antidote.tf.stack.local.LocalStackSynthesizer;
import io.antidote.tf.state.Claim;
import io.antidote.tf.state.Ledger;
import io.antidote.tf.state.PendingDestroy;
import io.antidote.tf.terraform.Phase;
import io.antidote.tf.testing.MutableClock;
import io.opentracing.mock.MockSpan;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The operations an operator relies on, with the real terraform on the local target: a DELETE that pre-empts a
 * running CREATE, Error and evidence recorded the moment a CREATE fails, failed infrastructure kept for inspection,
 * failed destroys retried with backoff and reported stuck, garbage collection that never waits long for a busy
 * livelesson, and the start-up reconciliation after a process died.
 */
class TerraformBackendOpsIT extends BackendLab {
    private TerraformBackend backend(AntidoteConfig config, Clock clock, Ledger ledger) {
        BackendOptions options = fx.options(clock);
        return TerraformBackendFactory.create(config, fx.recording.db, BackendFixture.BUILD_INFO, fx.tracer,
                ledger == null ? options : options.withLedger(ledger));
    }

    private static LessonScheduleRequest request(Operation op, String id) {
        return BackendFixture.request(op, id, 0);
    }

    private List<MockSpan> spans(String operation) {
        return fx.tracer.finishedSpans().stream().filter(s -> s.operationName().equals(operation)).toList();
    }

    private static boolean hasEvent(MockSpan span, String event) {
        return span.logEntries().stream().anyMatch(l -> event.equals(l.fields().get("event")));
    }

    private void awaitApplyRunning(String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(fx.starts.containsKey(Phase.APPLY) && fx.get(id).status() == LiveLessonStatus.BOOTING)) {
            assertThat(System.nanoTime()).as("the CREATE's apply started").isLessThan(deadline);
            Thread.sleep(50);
        }
        Thread.sleep(500);
    }

    @Test
    void aDeleteDuringACreateCancelsTerraformAndDestroysOnceWithinSeconds() throws Exception {
        try (TerraformBackend backend = fx.backend(fx.config(600, Map.of("utility", "sleep 300")))) {
            String id = fx.liveLesson(0, "s1");
            CompletableFuture<Throwable> create = CompletableFuture.supplyAsync(() -> catchThrowable(
                    () -> backend.handleCreate(null, request(Operation.CREATE, id))));
            awaitApplyRunning(id);
            long start = System.nanoTime();
            backend.preempt(id);
            backend.handleDelete(null, request(Operation.DELETE, id));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(create.get(60, TimeUnit.SECONDS)).isInstanceOf(CancelledException.class);
            assertThat(took).as("the DELETE did not wait for the 300 s provisioner").isLessThan(Duration.ofSeconds(90));
            assertThat(fx.recording.db.getLiveLesson(id)).isEmpty();
            assertThat(fx.starts.get(Phase.DESTROY).get()).as("one destroy").isEqualTo(1);
            assertThat(fx.recording.store.getLiveLesson(id)).isEmpty();
            assertThat(backend.ledger().deletions()).isEmpty();
            assertThat(backend.ledger().claims()).isEmpty();
            assertThat(spans("backend.create").get(0).logEntries().stream()
                    .anyMatch(l -> "cancelled: a DELETE takes over".equals(l.fields().get("event")))).isTrue();
        }
    }

    @Test
    void errorAndEvidenceAreRecordedBeforeThePartialInfrastructureIsDestroyed() throws Exception {
        try (TerraformBackend backend = fx.backend(fx.config(120, Map.of("router", "echo boom-evidence >&2; exit 3")))) {
            String id = fx.liveLesson(0, "s1");
            AtomicReference<LiveLesson> atDestroy = new AtomicReference<>();
            fx.onStart = (phase, ws) -> {
                if (phase == Phase.SHOW && atDestroy.get() == null) {
                    atDestroy.set(fx.get(id));
                }
            };
            Throwable e = catchThrowable(() -> backend.handleCreate(null, request(Operation.CREATE, id)));
            assertThat(e).isNotNull();
            assertThat(atDestroy.get()).as("the destroy of the partial stack started").isNotNull();
            assertThat(atDestroy.get().error()).as("Error set before the destroy").isTrue();
            assertThat(atDestroy.get().errorDetail()).contains("boom-evidence")
                    .contains("--- " + LocalStackSynthesizer.CONFIGURATION_LOG + " ---");
            LiveLesson failed = fx.get(id);
            assertThat(failed.errorDetail()).startsWith("terraform apply failed").contains("boom-evidence");
            assertThat(hasEvent(spans("backend.create").get(0), "failure.evidence")).isTrue();
            assertThat(Files.exists(fx.stackDir(id))).as("partial infrastructure destroyed").isFalse();
            assertThat(backend.ledger().pendingDestroys()).isEmpty();
            backend.handleDelete(null, request(Operation.DELETE, id));
        }
    }

    @Test
    void aFailedStackIsKeptForInspectionUntilItsTimeThenGarbageCollectionDestroysIt() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        try (TerraformBackend backend = backend(BackendFixture.config(fx.workDir, "terraform", 4, 120, 20,
                Map.of("router", "exit 3"), 10, null), clock, null)) {
            String id = fx.liveLesson(0, "s1");
            catchThrowable(() -> backend.handleCreate(null, request(Operation.CREATE, id)));
            assertThat(fx.get(id).error()).isTrue();
            assertThat(Files.isDirectory(fx.stackDir(id))).as("kept").isTrue();
            assertThat(backend.ledger().pendingDestroy(id)).map(PendingDestroy::reason).contains(PendingDestroy.KEPT);
            backend.retryDestroys(null);
            assertThat(Files.isDirectory(fx.stackDir(id))).as("still kept before its time").isTrue();
            clock.advance(Duration.ofMinutes(11));
            backend.retryDestroys(null);
            assertThat(Files.exists(fx.stackDir(id))).as("destroyed after its time").isFalse();
            assertThat(backend.ledger().pendingDestroys()).isEmpty();
            assertThat(fx.get(id).error()).as("the livelesson still shows its error").isTrue();
            backend.handleDelete(null, request(Operation.DELETE, id));
        }
    }

    @Test
    void aFailedDestroyIsRetriedWithBackoffReportedStuckAndEndsOnceItCanBeDestroyed() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        try (TerraformBackend backend = backend(BackendFixture.config(fx.workDir, "terraform", 4, 120, 20, Map.of(),
                null, 2), clock, null)) {
            String id = fx.liveLesson(0, "s1");
            backend.handleCreate(null, request(Operation.CREATE, id));
            try (FileChannel ch = FileChannel.open(fx.stackDir(id).resolve("terraform.tfstate"),
                    StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
                assertThat(catchThrowable(() -> backend.handleDelete(null, request(Operation.DELETE, id))))
                        .isNotNull();
                assertThat(fx.recording.db.getLiveLesson(id)).isEmpty();
                assertThat(backend.ledger().pendingDestroy(id)).map(PendingDestroy::attempts).contains(1);
                int destroysBefore = fx.starts.get(Phase.SHOW).get();
                backend.retryDestroys(null);
                assertThat(fx.starts.get(Phase.SHOW).get()).as("not retried before its backoff").isEqualTo(destroysBefore);
                clock.advance(Duration.ofSeconds(61));
                backend.retryDestroys(null);
                PendingDestroy stuck = backend.ledger().pendingDestroy(id).orElseThrow();
                assertThat(stuck.attempts()).isEqualTo(2);
                assertThat(stuck.due()).isEqualTo(clock.instant().plusSeconds(120));
                assertThat(stuck.lastError()).contains("locked");
                MockSpan pass = spans("backend.retry_destroys").get(1);
                assertThat(pass.tags().get("stacks.stuck")).isEqualTo(1);
                assertThat(hasEvent(pass, "stack stuck")).isTrue();
            }
            clock.advance(Duration.ofSeconds(121));
            backend.retryDestroys(null);
            assertThat(Files.exists(fx.stackDir(id))).isFalse();
            assertThat(backend.ledger().pendingDestroys()).isEmpty();
        }
    }

    @Test
    void garbageCollectionLeavesABusyLivelessonForTheNextPassInsteadOfWaiting() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        try (TerraformBackend backend = backend(fx.config(600, Map.of("utility", "sleep 300")), clock, null)) {
            String id = fx.liveLesson(0, "s1");
            CompletableFuture<Throwable> create = CompletableFuture.supplyAsync(() -> catchThrowable(
                    () -> backend.handleCreate(null, request(Operation.CREATE, id))));
            awaitApplyRunning(id);
            clock.advance(Duration.ofMinutes(31));
            long start = System.nanoTime();
            backend.pruneOldLiveLessons(null);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
            assertThat(hasEvent(spans("backend.prune_old_livelessons").get(0), Pruning.BUSY_EVENT)).isTrue();
            assertThat(fx.recording.db.getLiveLesson(id)).as("left for the next pass").isPresent();
            backend.preempt(id);
            backend.handleDelete(null, request(Operation.DELETE, id));
            assertThat(create.get(60, TimeUnit.SECONDS)).isInstanceOf(CancelledException.class);
        }
    }

    @Test
    void aRestartResumesWhatADeadProcessLeftAndFailsWhatWasCutShortTwice() throws Exception {
        String dead = ProcessOwner.current().bootId() + "/" + Integer.MAX_VALUE + "/1";
        try (Ledger ledger = Ledger.inMemory()) {
            String ready;
            String gone;
            try (TerraformBackend first = backend(fx.config(120, Map.of()), Clock.systemUTC(), ledger)) {
                ready = fx.liveLesson(0, "s1");
                first.handleCreate(null, request(Operation.CREATE, ready));
                gone = fx.liveLesson(0, "s1");
                first.handleCreate(null, request(Operation.CREATE, gone));
            }
            Files.delete(fx.stackDir(gone).resolve("terraform.tfstate"));
            String resumed = fx.liveLesson(0, "s1");
            fx.recording.db.updateLiveLessonStatus(resumed, LiveLessonStatus.BOOTING);
            ledger.tryClaim(new Claim(resumed, dead, CreateFlow.OPERATION, Instant.now(), 1), c -> false);
            String twice = fx.liveLesson(0, "s1");
            fx.recording.db.updateLiveLessonStatus(twice, LiveLessonStatus.BOOTING);
            ledger.tryClaim(new Claim(twice, dead, CreateFlow.OPERATION, Instant.now(), 2), c -> false);
            try (TerraformBackend second = backend(fx.config(120, Map.of()), Clock.systemUTC(), ledger)) {
                second.pruneOrphans();
                assertThat(second.resumable()).extracting(LessonScheduleRequest::liveLessonId)
                        .containsExactlyInAnyOrder(resumed, twice);
                assertThat(fx.get(ready).status()).as("adopted as it is").isEqualTo(LiveLessonStatus.READY);
                assertThat(fx.get(ready).error()).isFalse();
                assertThat(fx.get(gone).error()).as("READY, but its stack has no state").isTrue();
                assertThat(fx.get(gone).errorDetail()).contains("has no state");
                for (LessonScheduleRequest r : second.resumable()) {
                    catchThrowable(() -> second.handleCreate(null, r));
                }
                assertThat(fx.get(resumed).status()).isEqualTo(LiveLessonStatus.READY);
                assertThat(fx.get(resumed).error()).isFalse();
                assertThat(fx.get(twice).error()).isTrue();
                assertThat(fx.get(twice).errorDetail()).contains("cut short 2 times");
                assertThat(ledger.claims()).isEmpty();
                for (String id : List.of(ready, gone, resumed, twice)) {
                    second.handleDelete(null, request(Operation.DELETE, id));
                }
            }
        }
    }
}
