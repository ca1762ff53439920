package io.antidote.tf.backend.terraform;

import io.antidote.tf.AntidoteException;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.TerraformBackendConfig;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.readiness.EndpointReadinessWaiter;
import io.antidote.tf.readiness.Sleeper;
import io.antidote.tf.stack.FailureEvidence;
import io.antidote.tf.stack.StackRequest;
import io.antidote.tf.stack.TrustedImages;
import io.antidote.tf.state.DataManager;
import io.antidote.tf.state.Ledger;
import io.antidote.tf.state.NoSuchLiveLessonException;
import io.antidote.tf.tracing.Redactor;
import io.opentracing.Tracer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the backend's operations share; built once by {@link TerraformBackendFactory}.
 *
 * @param exclusive one operation at a time per livelesson, across threads and processes (and the ledger)
 * @param evidence the target's way of gathering a failure's evidence
 * @param stopping set when the process stops: an operation interrupted from then on is left for the next start
 */
record Parts(AntidoteConfig config, DataManager db, Tracer tracer, LessonStacks stacks, RoutingRegistry routes,
        Exclusive exclusive, EndpointReadinessWaiter readiness, Clock clock, Sleeper readyDelay, Redactor redactor,
        FailureEvidence evidence, AtomicBoolean stopping) {
    /** How often a process may be interrupted by its own death while running one operation before it is failed. */
    static final int MAX_ATTEMPTS = 2;

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

    /**
     * The exception to throw when {@code e}, ending {@code operation} of livelesson {@code id}, is no failure of the
     * livelesson: a DELETE cancelled it ({@link CancelledException}), or the process is stopping (left as it is for
     * the next start to resume); null when it is a failure.
     */
    RuntimeException notAFailure(io.opentracing.Span span, String id, String operation, RuntimeException e) {
        if (inFlight().cancelled(id)) {
            io.antidote.tf.tracing.Spans.event(span, "cancelled: a DELETE takes over", Map.of("liveLessonId", id));
            return new CancelledException(id, operation, e);
        }
        if (stopping.get()) {
            io.antidote.tf.tracing.Spans.event(span, "interrupted by the process stopping: left for the next start",
                    Map.of("liveLessonId", id));
            org.slf4j.LoggerFactory.getLogger(Parts.class).warn("livelesson {}: its {} was interrupted as the "
                    + "process stops; the next start resumes it", id, operation);
            return e;
        }
        return null;
    }

    Ledger ledger() {
        return exclusive.ledger();
    }

    InFlight inFlight() {
        return exclusive.inFlight();
    }

    TerraformBackendConfig terraform() {
        return config.backendConfigs().terraform();
    }

    /**
     * How long a CREATE or MODIFY waits for another process that works on the same livelesson: as long as that one
     * may take (readiness and two applies), and a minute.
     */
    Duration requestWait() {
        return Duration.ofSeconds(terraform().readinessTimeoutSeconds()
                + 2L * terraform().runner().applyTimeoutSeconds() + 60);
    }

    /**
     * How long a DELETE waits for the holder of its livelesson: a CREATE or MODIFY gives way within the cancel grace;
     * another DELETE may take a whole destroy.
     */
    Duration deleteWait() {
        return Duration.ofSeconds(terraform().runner().cancelGraceSeconds()
                + terraform().runner().destroyTimeoutSeconds() + 60L);
    }
}
