package io.antidote.tf.stack;

import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.live.LiveLesson;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a stack is made of. The stage to configure is {@code liveLesson.stage()}.
 *
 * @param images every image the lesson's endpoints use, by slug (the jupyter guide endpoint needs none)
 * @param routingClaims priorities held on the instance's listeners (all livelessons, this one included when it was
 *        applied before); empty is allowed and gives pure-hash priorities (see docs/aws.md)
 * @param configure whether the stack includes the stage's configuration resources; false for the first of the
 *        backend's two applies (provision, then configure once the endpoints are reachable). Every target honours it:
 *        without configuration the stack provisions the same endpoints and outputs the same contract
 */
public record StackRequest(LiveLesson liveLesson, Lesson lesson, Map<String, Image> images, List<RoutingClaim> routingClaims,
        boolean configure) {
    public StackRequest {
        Objects.requireNonNull(liveLesson, "liveLesson");
        Objects.requireNonNull(lesson, "lesson");
        images = Map.copyOf(new TreeMap<>(images == null ? Map.of() : images));
        routingClaims = List.copyOf(routingClaims == null ? List.of() : routingClaims);
        if (!lesson.slug().equals(liveLesson.lessonSlug())) {
            throw new IllegalArgumentException("livelesson " + liveLesson.id() + " is of lesson " + liveLesson.lessonSlug()
                    + ", not " + lesson.slug());
        }
    }

    /** With the stage's configuration. */
    public StackRequest(LiveLesson liveLesson, Lesson lesson, Map<String, Image> images, List<RoutingClaim> routingClaims) {
        this(liveLesson, lesson, images, routingClaims, true);
    }

    public StackRequest(LiveLesson liveLesson, Lesson lesson, Map<String, Image> images) {
        this(liveLesson, lesson, images, List.of());
    }

    /** This request with or without the stage's configuration. */
    public StackRequest withConfigure(boolean withConfiguration) {
        return new StackRequest(liveLesson, lesson, images, routingClaims, withConfiguration);
    }

    /** The stack's name: the livelesson's UULLID. */
    public String stackName() {
        return liveLesson.uullid();
    }
}
