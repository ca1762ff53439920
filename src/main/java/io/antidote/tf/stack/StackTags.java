package io.antidote.tf.stack;

import io.antidote.tf.live.LiveLesson;
import java.util.LinkedHashMap;
import java.util.Map;

/** The labels every resource of a livelesson carries, so that garbage collection finds it (any target). */
public final class StackTags {
    public static final String MANAGED = "antidoteManaged";
    public static final String ANTIDOTE_ID = "antidoteId";
    public static final String LIVE_LESSON = "liveLesson";
    public static final String LIVE_SESSION = "liveSession";
    public static final String LESSON_SLUG = "lessonSlug";

    private StackTags() {
    }

    /** The five tags of {@code liveLesson}, in this order. */
    public static Map<String, String> of(LiveLesson liveLesson) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(MANAGED, "yes");
        tags.put(ANTIDOTE_ID, liveLesson.antidoteId());
        tags.put(LIVE_LESSON, liveLesson.id());
        tags.put(LIVE_SESSION, liveLesson.sessionId());
        tags.put(LESSON_SLUG, liveLesson.lessonSlug());
        return tags;
    }
}
