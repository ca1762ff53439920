package io.antidote.tf.api;

import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonFactory;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.state.DataManager;

/**
 * Moving a READY livelesson to another stage in the state store, as the reference API does before it sends the
 * MODIFY request: status CONFIGURATION, the stage, then the stage's guide. The API and {@code antidote-tf stage}
 * both do it here.
 */
public final class StageChange {
    private StageChange() {
    }

    /**
     * Moves {@code live} (of {@code lesson}) to {@code stage}; the guide is read first, so a guide that cannot be
     * read changes nothing.
     *
     * @throws io.antidote.tf.live.LiveLessonCreationException when the stage's guide cannot be read
     */
    public static void apply(DataManager db, LiveLessonFactory factory, LiveLesson live, Lesson lesson, int stage) {
        String guide = factory.guideContents(lesson, stage);
        db.updateLiveLessonStatus(live.id(), LiveLessonStatus.CONFIGURATION);
        db.updateLiveLessonStage(live.id(), stage);
        db.updateLiveLessonGuide(live.id(), lesson.stage(stage).guideType(), guide);
    }
}
