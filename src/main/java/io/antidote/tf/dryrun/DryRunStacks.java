package io.antidote.tf.dryrun;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.lesson.Curriculum;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonFactory;
import io.antidote.tf.stack.StackRequest;
import io.antidote.tf.stack.StackSynthesizer;
import io.antidote.tf.stack.SynthesizedStack;
import io.antidote.tf.stack.TrustedImages;
import io.antidote.tf.stack.UntrustedImageException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lessons to dry-run stacks: a livelesson made as the API would (fixed clock, deterministic ID) and synthesized by
 * the configured {@link StackSynthesizer}, or taken from a {@link StackCache} that has the stack of the same inputs.
 * The same configuration, curriculum and settings give the same bytes.
 */
public final class DryRunStacks {
    private final Curriculum curriculum;
    private final DryRunSettings settings;
    private final LiveLessonFactory factory;
    private final StackSynthesizer synthesizer;
    private final Optional<StackCache> cache;
    private final TrustedImages trust;

    public DryRunStacks(AntidoteConfig config, Curriculum curriculum, DryRunSettings settings,
            StackSynthesizer synthesizer) {
        this(config, curriculum, settings, synthesizer, Optional.empty());
    }

    /** @param cache where synthesized stacks are kept across runs, if anywhere */
    public DryRunStacks(AntidoteConfig config, Curriculum curriculum, DryRunSettings settings,
            StackSynthesizer synthesizer, Optional<StackCache> cache) {
        this.curriculum = curriculum;
        this.settings = settings;
        this.synthesizer = synthesizer;
        this.cache = cache;
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

    /**
     * Synthesizes {@code lesson}'s stack, or takes it from the cache; either way only after its images passed the
     * trust check of {@link #request}.
     */
    public LessonStack synth(Lesson lesson) {
        StackRequest request = request(lesson);
        Optional<String> key = cache.flatMap(c -> c.key(request, settings, lessonDir(lesson)));
        Optional<String> kept = key.flatMap(k -> cache.get().get(k));
        SynthesizedStack stack;
        if (kept.isPresent()) {
            stack = new SynthesizedStack(request.stackName(), kept.get());
        } else {
            stack = synthesizer.synth(request);
            key.ifPresent(k -> cache.get().put(k, stack.json()));
        }
        return new LessonStack(lesson.slug(), request.liveLesson().id(), stack);
    }

    /**
     * Whether any of {@code lessons} has to be synthesized (its stack is not in the cache and its images are
     * trusted); every lesson does without a cache.
     */
    public boolean needsSynthesis(List<Lesson> lessons) {
        if (cache.isEmpty()) {
            return !lessons.isEmpty();
        }
        for (Lesson lesson : lessons) {
            StackRequest request;
            try {
                request = request(lesson);
            } catch (UntrustedImageException e) {
                continue; // refused, never synthesized: synth reports it
            }
            Optional<String> key = cache.get().key(request, settings, lessonDir(lesson));
            if (key.isEmpty() || !cache.get().contains(key.get())) {
                return true;
            }
        }
        return false;
    }

    private Path lessonDir(Lesson lesson) {
        return curriculum.root().resolve(lesson.directory());
    }
}
