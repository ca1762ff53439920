package io.antidote.tf.backend.terraform;

import io.antidote.tf.AntidoteException;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.readiness.EndpointReadinessWaiter;
import io.antidote.tf.readiness.Sleeper;
import io.antidote.tf.stack.StackRequest;
import io.antidote.tf.stack.TrustedImages;
import io.antidote.tf.state.DataManager;
import io.antidote.tf.state.NoSuchLiveLessonException;
import io.antidote.tf.tracing.Redactor;
import io.opentracing.Tracer;
import java.time.Clock;
import java.util.Map;

/** What the backend's operations share; built once by {@link TerraformBackendFactory}. */
record Parts(AntidoteConfig config, DataManager db, Tracer tracer, LessonStacks stacks, RoutingRegistry routes,
        LiveLessonLocks locks, EndpointReadinessWaiter readiness, Clock clock, Sleeper readyDelay,
        Redactor redactor) {

    LiveLesson liveLesson(String id) {
        return db.getLiveLesson(id).orElseThrow(() -> new NoSuchLiveLessonException(id));
    }

    Lesson lesson(LiveLesson live) {
        return db.getLesson(live.lessonSlug()).orElseThrow(() -> new AntidoteException("livelesson " + live.id()
                + ": its lesson " + live.lessonSlug() + " is not in the curriculum"));
    }

    /**
     * The stack request of {@code live} (at its stage), with {@code claims}; its images are granted by
     * {@code trustedImages} or the request is refused ({@link io.antidote.tf.stack.UntrustedImageException}).
     */
    StackRequest request(LiveLesson live, Lesson lesson, boolean configure,
            java.util.List<io.antidote.tf.stack.RoutingClaim> claims) {
        Map<String, Image> images = TrustedImages.of(config).imagesOf(lesson, db::getImage);
        return new StackRequest(live, lesson, images, claims, configure);
    }
}
