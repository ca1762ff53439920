package io.antidote.tf.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.lesson.GuideType;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The lost-update check: 16 threads start together and each writes one DIFFERENT field of the same livelesson 200
 * times (stage, guide, status, error, tests, last active time, and the address of each of ten endpoints). At the
 * end every field must hold its thread's last write; a get-modify-put store would overwrite some of them.
 */
final class LostUpdates {
    static final int ITERATIONS = 200;
    static final int ENDPOINTS = 10;
    private static final LiveLessonStatus[] STATUSES = LiveLessonStatus.values();
    private static final String ID = "racy000001";

    private LostUpdates() {
    }

    /** Runs the writers, thread {@code t} using store {@code stores[t % n]} (all must share one state), and checks. */
    static void check(List<DataManager> stores) throws Exception {
        String[] names = new String[ENDPOINTS];
        for (int k = 0; k < ENDPOINTS; k++) {
            names[k] = "ep" + k;
        }
        stores.get(0).createLiveLesson(Fixtures.liveLesson(ID, "s", names));
        List<BiConsumer<DataManager, Integer>> writers = new ArrayList<>(List.of(
                (db, i) -> db.updateLiveLessonStage(ID, i),
                (db, i) -> db.updateLiveLessonGuide(ID, i % 2 == 0 ? GuideType.MARKDOWN : GuideType.JUPYTER, "guide " + i),
                (db, i) -> db.updateLiveLessonStatus(ID, STATUSES[i % STATUSES.length]),
                (db, i) -> db.updateLiveLessonError(ID, i % 2 == 1),
                (db, i) -> db.updateLiveLessonTests(ID, i, i + 1),
                (db, i) -> db.updateLiveLessonLastActiveTime(ID, time(i))));
        for (int k = 0; k < ENDPOINTS; k++) {
            int endpoint = k;
            writers.add((db, i) -> db.updateLiveLessonEndpointIp(ID, "ep" + endpoint, "10.0." + endpoint + "." + i));
        }
        CyclicBarrier start = new CyclicBarrier(writers.size());
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < writers.size(); t++) {
                DataManager db = stores.get(t % stores.size());
                BiConsumer<DataManager, Integer> writer = writers.get(t);
                done.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    for (int i = 0; i < ITERATIONS; i++) {
                        writer.accept(db, i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        int last = ITERATIONS - 1;
        LiveLesson end = stores.get(stores.size() - 1).getLiveLesson(ID).orElseThrow();
        assertThat(end.stage()).isEqualTo(last);
        assertThat(end.guideType()).isEqualTo(GuideType.JUPYTER);
        assertThat(end.guideContents()).isEqualTo("guide " + last);
        assertThat(end.status()).isEqualTo(STATUSES[last % STATUSES.length]);
        assertThat(end.error()).isTrue();
        assertThat(end.healthyTests()).isEqualTo(last);
        assertThat(end.totalTests()).isEqualTo(last + 1);
        assertThat(end.lastActiveTime()).isEqualTo(time(last));
        for (int k = 0; k < ENDPOINTS; k++) {
            assertThat(end.liveEndpoints().get("ep" + k).host()).as("ep" + k).isEqualTo("10.0." + k + "." + last);
        }
        assertThat(end.liveEndpoints().keySet()).containsExactly(names);
    }

    private static Instant time(int i) {
        return Fixtures.T0.plusSeconds(i);
    }
}
