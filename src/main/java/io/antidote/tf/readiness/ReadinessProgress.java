package io.antidote.tf.readiness;

import io.antidote.tf.state.DataManager;

/**
 * Told how many endpoints are healthy whenever that changes (and once at the start, with 0). Called from the waiting
 * thread only, in order. An exception it throws ends the wait.
 */
@FunctionalInterface
public interface ReadinessProgress {

    void update(int healthy, int total);

    /** Records progress as the livelesson's HealthyTests/TotalTests. */
    static ReadinessProgress toDataManager(DataManager db, String liveLessonId) {
        return (healthy, total) -> db.updateLiveLessonTests(liveLessonId, healthy, total);
    }

    static ReadinessProgress ignore() {
        return (healthy, total) -> { };
    }
}
