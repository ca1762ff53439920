package io.antidote.tf.terraform;

import java.util.regex.Pattern;

/**
 * Which stack: one per livelesson of one Antidote instance. Both parts are DNS-label-like, so they are safe as
 * directory names and S3 key segments.
 */
public record StackId(String instanceId, String liveLessonId) {
    private static final Pattern PART = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?");

    public StackId {
        check("instanceId", instanceId);
        check("liveLessonId", liveLessonId);
    }

    private static void check(String what, String value) {
        if (value == null || !PART.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' must be lower-case letters, digits and inner"
                    + " hyphens (1..64)");
        }
    }

    @Override
    public String toString() {
        return instanceId + "/" + liveLessonId;
    }
}
