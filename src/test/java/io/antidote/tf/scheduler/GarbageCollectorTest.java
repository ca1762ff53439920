package io.antidote.tf.scheduler;

import io.antidote.tf.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.live.LiveSession;
import io.antidote.tf.state.DataManager;
import io.antidote.tf.state.InMemoryDataManager;
import io.antidote.tf.state.StateException;
import io.opentracing.mock.MockSpan;
import io.opentracing.mock.MockTracer;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GarbageCollectorTest {
    private static final Duration TTL = Duration.ofMinutes(1440);
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final MockTracer tracer = new MockTracer();
    private final RecordingBackend backend = new RecordingBackend();
    private final InMemoryDataManager db = new InMemoryDataManager();
    private final GarbageCollector gc = new GarbageCollector(backend, db, TTL, tracer, clock);

    @Test
    void deletesSessionsOlderThanTheTtlOnlyWhenTheyHaveNoLiveLessons() {
        session("exactly-ttl", NOW.minus(TTL), false);
        session("just-older", NOW.minus(TTL).minusMillis(1), false);
        session("just-older-in-use", NOW.minus(TTL).minusMillis(1), false);
        liveLesson("ll1", "just-older-in-use");
        session("young", NOW.minusSeconds(60), false);
        session("persistent-empty", NOW.minus(TTL).minusSeconds(1), true);

        gc.collect();

        assertThat(sessionIds()).containsExactlyInAnyOrder("exactly-ttl", "just-older-in-use", "young");
        assertThat(gcSpan().tags()).doesNotContainKey("error");
        assertThat(span("scheduler_prune_old_sessions").tags()).containsEntry("livesessions.deleted", 2);
    }

    @Test
    void aSessionAtTheTtlIsDeletedOnceTimeMovesPastIt() {
        session("exactly-ttl", NOW.minus(TTL), false);
        gc.collect();
        assertThat(sessionIds()).containsExactly("exactly-ttl");
        clock.advance(Duration.ofMillis(1));
        gc.collect();
        assertThat(sessionIds()).isEmpty();
    }

    @Test
    void anOldSessionIsKeptUntilItsLastLiveLessonIsGone() {
        session("old", NOW.minus(TTL).minusSeconds(5), false);
        liveLesson("ll1", "old");
        gc.collect();
        assertThat(sessionIds()).containsExactly("old");
        db.deleteLiveLesson("ll1");
        gc.collect();
        assertThat(sessionIds()).isEmpty();
    }

    @Test
    void oldLiveLessonsArePrunedByTheBackendUnderTheGcSpan() {
        gc.collect();
        assertThat(backend.calls()).singleElement().satisfies(c -> {
            assertThat(c.method()).isEqualTo("pruneOldLiveLessons");
            assertThat(c.span()).isSameAs(gcSpan());
        });
    }

    @Test
    void aFailingBackendPruneIsTracedAndSessionsAreStillPruned() {
        backend.onPruneOldLiveLessons(() -> {
            throw new IllegalStateException("destroy failed");
        });
        session("stale", NOW.minus(TTL).minusSeconds(1), false);
        gc.collect();
        assertThat(sessionIds()).isEmpty();
        assertThat(gcSpan().tags()).containsEntry("error", true);
        assertThat(gcSpan().logEntries()).anySatisfy(e -> assertThat(e.fields().get("message")).isEqualTo("destroy failed"));
    }

    @Test
    void aFailingStoreIsTracedNotThrown() {
        DataManager failing = (DataManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataManager.class}, (proxy, method, args) -> {
                    throw new StateException("database locked in " + method.getName());
                });
        new GarbageCollector(backend, failing, TTL, tracer, clock).collect();
        assertThat(span("scheduler_prune_old_sessions").tags()).containsEntry("error", true);
        assertThat(gcSpan().tags()).containsEntry("error", true);
    }

    private void session(String id, Instant created, boolean persistent) {
        db.createLiveSession(new LiveSession(id, "127.0.0.1", persistent, created));
    }

    private void liveLesson(String id, String sessionId) {
        db.createLiveLesson(new LiveLesson(id, sessionId, "test", "example-lesson", null, 0, null, null, null,
                LiveLessonStatus.READY, NOW, NOW, false, 0, 0, null, null, null));
    }

    private List<String> sessionIds() {
        return db.listLiveSessions().stream().map(LiveSession::id).toList();
    }

    private MockSpan gcSpan() {
        return span("scheduler_gc");
    }

    private MockSpan span(String name) {
        return tracer.finishedSpans().stream().filter(s -> s.operationName().equals(name)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no finished span " + name));
    }
}
