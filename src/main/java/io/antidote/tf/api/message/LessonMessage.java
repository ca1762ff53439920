package io.antidote.tf.api.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.antidote.tf.lesson.Lesson;
import java.util.List;

/**
 * The reference's {@code Lesson} message. {@code LessonDir} and {@code LessonFile} are relative to the curriculum
 * directory (the reference shows its own absolute paths there).
 */
public record LessonMessage(
        @JsonProperty("Slug") String slug,
        @JsonProperty("Stages") List<Stage> stages,
        @JsonProperty("Name") String name,
        @JsonProperty("Endpoints") List<Endpoint> endpoints,
        @JsonProperty("Connections") List<Connection> connections,
        @JsonProperty("Authors") List<Author> authors,
        @JsonProperty("Category") String category,
        @JsonProperty("Diagram") String diagram,
        @JsonProperty("Video") String video,
        @JsonProperty("Tier") String tier,
        @JsonProperty("Prereqs") List<String> prereqs,
        @JsonProperty("Tags") List<String> tags,
        @JsonProperty("Collection") String collection,
        @JsonProperty("Description") String description,
        @JsonProperty("ShortDescription") String shortDescription,
        @JsonProperty("LessonFile") String lessonFile,
        @JsonProperty("LessonDir") String lessonDir,
        @JsonProperty("ReadyDelay") int readyDelay) {

    /** The lesson file's name in its directory. */
    static final String LESSON_FILE = "lesson.meta.yaml";

    public record Stage(
            @JsonProperty("Description") String description,
            @JsonProperty("GuideType") String guideType,
            @JsonProperty("StageVideo") String stageVideo) {
    }

    public record Endpoint(
            @JsonProperty("Name") String name,
            @JsonProperty("Image") String image,
            @JsonProperty("ConfigurationType") String configurationType,
            @JsonProperty("AdditionalPorts") List<Integer> additionalPorts,
            @JsonProperty("Presentations") List<Presentation> presentations,
            @JsonProperty("Host") String host) {
    }

    public record Presentation(
            @JsonProperty("Name") String name,
            @JsonProperty("Port") int port,
            @JsonProperty("Type") String type) {
    }

    public record Connection(@JsonProperty("A") String a, @JsonProperty("B") String b) {
    }

    public record Author(@JsonProperty("Name") String name, @JsonProperty("Link") String link) {
    }

    public static LessonMessage of(Lesson l) {
        String dir = l.directory().toString().replace('\\', '/');
        return new LessonMessage(l.slug(),
                l.stages().stream().map(s -> new Stage(s.description(), s.guideType().id(), s.stageVideo())).toList(),
                l.name(),
                l.endpoints().stream().map(e -> new Endpoint(e.name(), e.image(), e.configurationType().id(),
                        e.additionalPorts(), e.presentations().stream()
                                .map(p -> new Presentation(p.name(), p.port(), p.type().id())).toList(), ""))
                        .toList(),
                l.connections().stream().map(c -> new Connection(c.a(), c.b())).toList(),
                l.authors().stream().map(a -> new Author(a.name(), a.link())).toList(),
                l.category().id(), l.diagram(), l.video(), l.tier().id(), l.prereqs(), l.tags(), l.collection(),
                l.description(), l.shortDescription(), dir.isEmpty() ? "" : dir + "/" + LESSON_FILE, dir,
                l.readyDelay());
    }
}
