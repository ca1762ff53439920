package io.antidote.tf.dryrun;

import io.antidote.tf.grammar.DockerNames;
import io.antidote.tf.grammar.Texts;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How dry-run livelessons are made.
 *
 * @param stage the stage every lesson is synthesized at
 * @param liveLessonId a fixed livelesson ID (only for a single lesson), or null for {@link DryRunIds#liveLessonId}
 * @param sessionId the livesession ID the stacks are tagged with
 * @param imageVersion the platform image version (tag of the configurator and jupyter images)
 */
public record DryRunSettings(int stage, String liveLessonId, String sessionId, String imageVersion) {
    /** The image version when none is given: the images' moving tag. */
    public static final String DEFAULT_IMAGE_VERSION = "latest";
    private static final Pattern ID = Pattern.compile("[a-z0-9]{1,32}");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public DryRunSettings {
        if (stage < 0) {
            throw DryRunException.usage("--stage must be 0 or more, not " + stage);
        }
        if (liveLessonId != null && !ID.matcher(liveLessonId).matches()) {
            throw DryRunException.usage("--livelesson-id '" + liveLessonId + "' must be 1..32 of [a-z0-9]");
        }
        sessionId = Objects.requireNonNullElse(sessionId, DryRunIds.DEFAULT_SESSION);
        if (!WORD.matcher(sessionId).matches()) {
            throw DryRunException.usage("--session-id '" + sessionId + "' must be 1..64 of [A-Za-z0-9._-]");
        }
        imageVersion = Objects.requireNonNullElse(imageVersion, DEFAULT_IMAGE_VERSION);
        String version = imageVersion;
        DockerNames.TAG.problem(version).ifPresent(reason -> {
            throw DryRunException.usage("--image-version '" + Texts.printable(version) + "' " + reason);
        });
    }

    public static DryRunSettings defaults() {
        return new DryRunSettings(0, null, null, null);
    }

    /** The livelesson ID of {@code lessonSlug}'s stack. */
    public String liveLessonIdOf(String lessonSlug) {
        return liveLessonId != null ? liveLessonId : DryRunIds.liveLessonId(lessonSlug);
    }
}
