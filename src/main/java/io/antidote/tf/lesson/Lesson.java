package io.antidote.tf.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A lesson of the curriculum, as read from {@code lessons/<dir>/lesson.meta.yaml} and validated.
 *
 * @param directory the lesson's directory, relative to the curriculum directory (what endpoints see at /antidote)
 * @param readyDelay seconds to wait after configuration before the livelesson is READY (0..{@value #MAX_READY_DELAY})
 */
public record Lesson(
        String slug,
        String name,
        Category category,
        Tier tier,
        String collection,
        String description,
        String shortDescription,
        List<String> prereqs,
        List<String> tags,
        List<LessonStage> stages,
        List<LessonEndpoint> endpoints,
        List<Connection> connections,
        List<Author> authors,
        int readyDelay,
        String diagram,
        String video,
        Path directory) {

    /**
     * The longest readyDelay, in seconds: as long as the readiness and configuration timeouts' defaults. A CREATE
     * sleeps it while holding its livelesson (garbage collection waits for it) and a learner waits for it; a lab
     * that needs longer after its configuration is broken.
     */
    public static final int MAX_READY_DELAY = 600;

    public Lesson {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(directory, "directory");
        name = name == null ? "" : name;
        collection = collection == null ? "" : collection;
        description = description == null ? "" : description;
        shortDescription = shortDescription == null ? "" : shortDescription;
        diagram = diagram == null ? "" : diagram;
        video = video == null ? "" : video;
        prereqs = List.copyOf(prereqs == null ? List.of() : prereqs);
        tags = List.copyOf(tags == null ? List.of() : tags);
        stages = List.copyOf(stages);
        endpoints = List.copyOf(endpoints);
        connections = List.copyOf(connections == null ? List.of() : connections);
        authors = List.copyOf(authors == null ? List.of() : authors);
        if (stages.isEmpty() || endpoints.isEmpty()) {
            throw new IllegalArgumentException("lesson " + slug + " needs at least one stage and one endpoint");
        }
        if (readyDelay < 0 || readyDelay > MAX_READY_DELAY) {
            throw new IllegalArgumentException("lesson " + slug + ": readyDelay " + readyDelay + " is not in 0.."
                    + MAX_READY_DELAY + " seconds");
        }
    }

    public Optional<LessonEndpoint> endpoint(String endpointName) {
        return endpoints.stream().filter(e -> e.name().equals(endpointName)).findFirst();
    }

    public LessonStage stage(int index) {
        if (index < 0 || index >= stages.size()) {
            throw new IllegalArgumentException("lesson " + slug + " has stages 0.." + (stages.size() - 1) + ", not " + index);
        }
        return stages.get(index);
    }

    /** Whether any stage uses a jupyter guide (then a livelesson gets the jupyterlabguide endpoint). */
    public boolean usesJupyter() {
        return stages.stream().anyMatch(s -> s.guideType() == GuideType.JUPYTER);
    }
}
