package io.antidote.tf.state;

import io.antidote.tf.lesson.Author;
import io.antidote.tf.lesson.Category;
import io.antidote.tf.lesson.Collection;
import io.antidote.tf.lesson.ConfigurationType;
import io.antidote.tf.lesson.Connection;
import io.antidote.tf.lesson.CurriculumInfo;
import io.antidote.tf.lesson.Flavor;
import io.antidote.tf.lesson.GuideType;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.lesson.LessonEndpoint;
import io.antidote.tf.lesson.LessonStage;
import io.antidote.tf.lesson.Presentation;
import io.antidote.tf.lesson.PresentationType;
import io.antidote.tf.lesson.Tier;
import io.antidote.tf.live.LiveEndpoint;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.live.LivePresentation;
import io.antidote.tf.live.LiveSession;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small state values for the store tests, built in code. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2021-03-04T05:06:07.123456789Z");
    static final String PASSWORD = "s3cret-Pa55";

    private Fixtures() {
    }

    static Lesson lesson(String slug) {
        return new Lesson(slug, "Lesson " + slug, Category.FUNDAMENTALS, Tier.PTR, "acme", "long text", "short",
                List.of("other-lesson"), List.of("bash", "linux"),
                List.of(new LessonStage(0, "intro", GuideType.MARKDOWN, ""), new LessonStage(1, "nb", GuideType.JUPYTER, "v.mp4")),
                List.of(new LessonEndpoint("vqfx1", "vqfx", ConfigurationType.NAPALM, "vqfx1-junos.txt", List.of(830, 22),
                                List.of(new Presentation("cli", 22, PresentationType.SSH))),
                        new LessonEndpoint("linux1", "utility", null, null, null,
                                List.of(new Presentation("web", 8080, PresentationType.HTTP)))),
                List.of(new Connection("vqfx1", "linux1", "10.1.0.0/24")), List.of(new Author("Ann", "https://a.example")),
                3, "https://d.example/diagram.png", "https://v.example", Path.of("lessons", slug));
    }

    static Image image(String slug) {
        return new Image(slug, "an image", Flavor.TRUSTED, true, List.of("eth1", "eth2"), "antidote", PASSWORD, "root", "cfg-" + PASSWORD);
    }

    static Collection collection(String slug) {
        return new Collection(slug, "Title " + slug, "logo.png", "https://w.example", "a@example.org", "brief", "long", "vendor", Tier.LOCAL);
    }

    static CurriculumInfo curriculumInfo() {
        return new CurriculumInfo("NRE Labs", "the curriculum", "https://nrelabs.io", "v1.0.0", "https://github.com/x/y");
    }

    static LiveSession session(String id) {
        return new LiveSession(id, "192.0.2.7", true, T0);
    }

    /** A livelesson whose endpoints are named so that insertion order differs from sorted order. */
    static LiveLesson liveLesson(String id, String sessionId, String... endpointNames) {
        Map<String, LiveEndpoint> eps = new LinkedHashMap<>();
        for (String name : endpointNames) {
            eps.put(name, new LiveEndpoint(name, "antidotelabs/utility:latest", List.of(22, 8080),
                    List.of(new LivePresentation("cli", 22, PresentationType.SSH, "n-" + id + "-" + name + "-cli.localhost"),
                            new LivePresentation("web", 8080, PresentationType.HTTP, "n-" + id + "-" + name + "-web.localhost")),
                    ConfigurationType.PYTHON, name + ".py", "antidote", PASSWORD, ""));
        }
        return new LiveLesson(id, sessionId, "n", "some-lesson", eps, 0, "# guide", GuideType.MARKDOWN,
                "n-" + id + "-jupyterlabguide-web.localhost", LiveLessonStatus.INITIALIZED, T0, T0, false, 0, 0,
                "diagram.png", "video", "stage video");
    }

    static LiveLesson liveLesson(String id, String sessionId) {
        return liveLesson(id, sessionId, "zeta", "alpha", "mid");
    }
}
