package io.antidote.tf.dryrun;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.lesson.Curriculum;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonFactory;
import io.antidote.tf.stack.StackRequest;
import io.antidote.tf.stack.StackSynthesizer;
import io.antidote.tf.stack.TrustedImages;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lessons to dry-run stacks: a livelesson made as the API would (fixed clock, deterministic ID) and synthesized by
 * the configured {@link StackSynthesizer}. The same configuration, curriculum and settings give the same bytes.
 */
public final class DryRunStacks {
    private final Curriculum curriculum;
    private final DryRunSettings settings;
    private final LiveLessonFactory factory;
    private final StackSynthesizer synthesizer;
    private final TrustedImages trust;

    public DryRunStacks(AntidoteConfig config, Curriculum curriculum, DryRunSettings settings,
            StackSynthesizer synthesizer) {
        this.curriculum = curriculum;
        this.settings = settings;
        this.synthesizer = synthesizer;
        this.trust = TrustedImages.of(config);
        this.factory = new LiveLessonFactory(config.instanceId(), config.hepsDomain(), settings.imageVersion(),
                curriculum.root(), slug -> Optional.ofNullable(curriculum.images().get(slug)), () -> {
                    throw new IllegalStateException("dry runs always give the livelesson ID");
                }, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    /**
     * Checks that the settings fit every lesson of {@code lessons} before anything runs.
     *
     * @throws DryRunException (usage) for a stage a lesson lacks, or a fixed livelesson ID with several lessons
     */
    public void check(List<Lesson> lessons) {
        if (settings.liveLessonId() != null && lessons.size() > 1) {
            throw DryRunException.usage("--livelesson-id names one livelesson; " + lessons.size()
                    + " lessons are selected");
        }
        for (Lesson lesson : lessons) {
            if (settings.stage() >= lesson.stages().size()) {
                throw DryRunException.usage("lesson '" + lesson.slug() + "' has stages 0.."
                        + (lesson.stages().size() - 1) + ", there is no stage " + settings.stage());
            }
        }
    }

    /**
     * The request that synthesizes {@code lesson}'s stack; its images are granted by {@code trustedImages} or the
     * request is refused ({@link io.antidote.tf.stack.UntrustedImageException}).
     */
    public StackRequest request(Lesson lesson) {
        Map<String, Image> images = trust.imagesOf(lesson, curriculum::image);
        String id = settings.liveLessonIdOf(lesson.slug());
        LiveLesson live = factory.create(lesson, settings.stage(), settings.sessionId(), id);
        return new StackRequest(live, lesson, images);
    }

    /** Synthesizes {@code lesson}'s stack. */
    public LessonStack synth(Lesson lesson) {
        StackRequest request = request(lesson);
        return new LessonStack(lesson.slug(), request.liveLesson().id(), synthesizer.synth(request));
    }
}
