package io.antidote.tf.backend.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.live.LiveSession;
import io.antidote.tf.live.Operation;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Garbage collection and concurrency with the real terraform and the local target. */
class TerraformBackendGcIT extends BackendLab {
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private TerraformBackend backend() {
        return TerraformBackendFactory.create(fx.config(120, Map.of()), fx.recording.db, BackendFixture.BUILD_INFO,
                fx.tracer, fx.options(Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private String created(TerraformBackend backend, String session) {
        String id = fx.liveLesson(0, session);
        backend.handleCreate(null, BackendFixture.request(Operation.CREATE, id, 0));
        return id;
    }

    private int webPriority(String id) throws Exception {
        var state = new ObjectMapper().readTree(fx.stackDir(id).resolve("terraform.tfstate").toFile());
        String claim = state.path("outputs").path("http_routes").path("value").path("web1/web").asText();
        return Integer.parseInt(claim.substring(claim.indexOf(':') + 1));
    }

    @Test
    void pruneOldLiveLessonsHonoursTheTtlBoundaryAndPersistentSessions() {
        try (TerraformBackend backend = backend()) {
            fx.recording.db.createLiveSession(new LiveSession("keep", "127.0.0.1", true, NOW));
            String atTtl = created(backend, "s1");
            String pastTtl = created(backend, "s1");
            String persistent = created(backend, "keep");
            String fresh = created(backend, "s1");
            Duration ttl = Duration.ofMinutes(30);
            fx.recording.db.updateLiveLessonLastActiveTime(atTtl, NOW.minus(ttl));
            fx.recording.db.updateLiveLessonLastActiveTime(pastTtl, NOW.minus(ttl).minusSeconds(1));
            fx.recording.db.updateLiveLessonLastActiveTime(persistent, NOW.minus(Duration.ofDays(2)));
            fx.recording.db.updateLiveLessonLastActiveTime(fresh, NOW);

            backend.pruneOldLiveLessons(null);

            assertThat(fx.recording.db.getLiveLesson(pastTtl)).isEmpty();
            assertThat(Files.exists(fx.stackDir(pastTtl))).isFalse();
            for (String kept : List.of(atTtl, persistent, fresh)) {
                assertThat(fx.get(kept).status()).isEqualTo(LiveLessonStatus.READY);
                assertThat(Files.isDirectory(fx.stackDir(kept))).isTrue();
            }
            for (String id : List.of(atTtl, persistent, fresh)) {
                backend.handleDelete(null, BackendFixture.request(Operation.DELETE, id, 0));
            }
        }
    }

    @Test
    void pruneOrphansAfterARestartDestroysStacksWithoutALiveLessonAndRebuildsTheRoutingClaims() throws Exception {
        String kept;
        String orphan;
        try (TerraformBackend before = backend()) {
            kept = created(before, "s1");
            orphan = created(before, "s1");
        }
        fx.recording.db.deleteLiveLesson(orphan);
        Files.createDirectories(fx.stackDir("stale0empty"));
        assertThat(webPriority(kept)).isEqualTo(1);
        try (TerraformBackend after = backend()) {
            after.pruneOrphans();
            assertThat(Files.exists(fx.stackDir(orphan))).isFalse();
            assertThat(Files.exists(fx.stackDir("stale0empty"))).isFalse();
            assertThat(fx.get(kept).status()).isEqualTo(LiveLessonStatus.READY);
            String next = created(after, "s1");
            assertThat(webPriority(next)).as("the kept livelesson's claim was read back").isNotEqualTo(1);
            after.handleDelete(null, BackendFixture.request(Operation.DELETE, kept, 0));
            after.handleDelete(null, BackendFixture.request(Operation.DELETE, next, 0));
        }
    }

    @Test
    void fiftyLiveLessonsCreatedAndDeletedConcurrentlyLoseNoStateAndNoPriority() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try (TerraformBackend backend = backend()) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                ids.add(fx.liveLesson(0, "s1"));
            }
            CompletableFuture.allOf(ids.stream().map(id -> CompletableFuture.runAsync(() -> backend.handleCreate(null,
                    BackendFixture.request(Operation.CREATE, id, 0)), pool)).toArray(CompletableFuture[]::new)).join();
            List<Integer> priorities = new ArrayList<>();
            for (String id : ids) {
                assertThat(fx.get(id).status()).isEqualTo(LiveLessonStatus.READY);
                assertThat(fx.get(id).error()).isFalse();
                assertThat(fx.configurationLog(id)).hasSize(2);
                priorities.add(webPriority(id));
            }
            assertThat(priorities).doesNotHaveDuplicates();
            CompletableFuture.allOf(ids.stream().map(id -> CompletableFuture.runAsync(() -> backend.handleDelete(null,
                    BackendFixture.request(Operation.DELETE, id, 0)), pool)).toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLiveLessonBusyInItsCreateIsLeftForTheNextPassInsteadOfBlockingGarbageCollection() throws Exception {
        java.util.concurrent.CountDownLatch inReadyDelay = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        var options = fx.options(Clock.fixed(NOW, ZoneOffset.UTC)).withReadyDelay(d -> {
            inReadyDelay.countDown();
            release.await();
        });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (TerraformBackend backend = TerraformBackendFactory.create(fx.config(120, Map.of()), fx.recording.db,
                BackendFixture.BUILD_INFO, fx.tracer, options)) {
            String id = fx.liveLesson(0, "s1");
            CompletableFuture<Void> create = CompletableFuture.runAsync(() -> backend.handleCreate(null,
                    BackendFixture.request(Operation.CREATE, id, 0)), pool);
            inReadyDelay.await();
            fx.recording.db.updateLiveLessonLastActiveTime(id, NOW.minus(Duration.ofDays(1)));

            // a pass that waited for the lock would never end (the CREATE goes on only when this test says so)
            CompletableFuture.runAsync(() -> backend.pruneOldLiveLessons(null)).get(2, java.util.concurrent.TimeUnit.MINUTES);

            assertThat(fx.recording.db.getLiveLesson(id)).as("left for the next pass").isPresent();
            var pass = fx.tracer.finishedSpans().stream()
                    .filter(span -> span.operationName().equals("backend.prune_old_livelessons")).toList();
            assertThat(pass).singleElement().satisfies(span -> {
                assertThat(span.logEntries()).anySatisfy(e -> assertThat(new java.util.HashMap<String, Object>(e.fields()))
                        .containsEntry("event", Pruning.BUSY_EVENT).containsEntry("liveLessonId", id));
                assertThat(span.tags()).doesNotContainKey(io.opentracing.tag.Tags.ERROR.getKey());
            });
            release.countDown();
            create.join();
            assertThat(fx.get(id).status()).isEqualTo(LiveLessonStatus.READY);

            backend.pruneOldLiveLessons(null);

            assertThat(fx.recording.db.getLiveLesson(id)).as("removed by the next pass").isEmpty();
            assertThat(Files.exists(fx.stackDir(id))).isFalse();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }
}
