package io.antidote.tf.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antidote.tf.lesson.Category;
import io.antidote.tf.lesson.ConfigurationType;
import io.antidote.tf.lesson.Flavor;
import io.antidote.tf.lesson.GuideType;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.lesson.LessonEndpoint;
import io.antidote.tf.lesson.LessonStage;
import io.antidote.tf.lesson.Presentation;
import io.antidote.tf.lesson.PresentationType;
import io.antidote.tf.lesson.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveLessonFactoryTest {
    private static final Instant NOW = Instant.parse("2021-05-06T07:08:09Z");
    private static final Map<String, Image> IMAGES = Map.of(
            "vqfx", new Image("vqfx", "", Flavor.TRUSTED, false, null, "root", "Antidote", "root", "Antidote"),
            "utility", new Image("utility", "", Flavor.UNTRUSTED, false, null, "antidote", "antidotepassword", "", ""));

    @TempDir
    Path curriculum;
    private LiveLessonFactory factory;

    @BeforeEach
    void setUp() throws Exception {
        factory = new LiveLessonFactory("nrelabs", "heps.example.org", "v0.7.0", curriculum,
                slug -> Optional.ofNullable(IMAGES.get(slug)), () -> "abcde12345", Clock.fixed(NOW, ZoneOffset.UTC));
        for (int stage = 0; stage < 3; stage++) {
            Path dir = Files.createDirectories(curriculum.resolve("lessons/routing/stage" + stage));
            Files.writeString(dir.resolve("guide.md"), "# Stage " + stage + "\n\nGuide text.\n");
        }
    }

    private static Lesson lesson(List<GuideType> guides, List<LessonEndpoint> endpoints) {
        List<LessonStage> stages = IntStream.range(0, guides.size())
                .mapToObj(i -> new LessonStage(i, "stage " + i, guides.get(i), i == 1 ? "stage1.mp4" : "")).toList();
        return new Lesson("routing", "Routing", Category.FUNDAMENTALS, Tier.PROD, null, null, null, null, null, stages,
                endpoints, null, null, 0, "diagram.png", "video.mp4", Path.of("lessons/routing"));
    }

    private static List<LessonEndpoint> endpoints() {
        return List.of(
                new LessonEndpoint("vqfx1", "vqfx", ConfigurationType.NAPALM, "vqfx1-junos.txt", List.of(830, 22, 830),
                        List.of(new Presentation("cli", 22, PresentationType.SSH))),
                new LessonEndpoint("linux1", "utility", null, null, List.of(8080),
                        List.of(new Presentation("web", 8080, PresentationType.HTTP), new Presentation("cli", 22, PresentationType.SSH))));
    }

    private static Lesson markdownLesson() {
        return lesson(List.of(GuideType.MARKDOWN, GuideType.MARKDOWN, GuideType.MARKDOWN), endpoints());
    }

    @Test
    void randomIdsAreTenCharactersOfLowerCaseLettersAndDigitsAndDiffer() {
        Supplier<String> ids = LiveLessonFactory.randomIds();
        List<String> many = IntStream.range(0, 2000).mapToObj(i -> ids.get()).toList();
        assertThat(many).allMatch(id -> id.matches("[a-z0-9]{10}"));
        assertThat(new HashSet<>(many)).hasSize(many.size());
        Set<Character> used = many.stream().flatMap(id -> id.chars().mapToObj(c -> (char) c)).collect(Collectors.toSet());
        assertThat(used).hasSize(36);
    }

    @Test
    void createUsesTheIdSupplierAndTheUullid() {
        LiveLesson ll = factory.create(markdownLesson(), 0, "session1");
        assertThat(ll.id()).isEqualTo("abcde12345");
        assertThat(ll.antidoteId()).isEqualTo("nrelabs");
        assertThat(ll.uullid()).isEqualTo("nrelabs-abcde12345");
        assertThat(ll.sessionId()).isEqualTo("session1");
        assertThat(ll.lessonSlug()).isEqualTo("routing");
    }

    @Test
    void newLiveLessonIsInitializedWithTheLessonsFields() {
        LiveLesson ll = factory.create(markdownLesson(), 1, "s");
        assertThat(ll.status()).isEqualTo(LiveLessonStatus.INITIALIZED);
        assertThat(ll.stage()).isEqualTo(1);
        assertThat(ll.error()).isFalse();
        assertThat(ll.healthyTests()).isZero();
        assertThat(ll.totalTests()).isZero();
        assertThat(ll.createdTime()).isEqualTo(NOW);
        assertThat(ll.lastActiveTime()).isEqualTo(NOW);
        assertThat(ll.diagram()).isEqualTo("diagram.png");
        assertThat(ll.video()).isEqualTo("video.mp4");
        assertThat(ll.stageVideo()).isEqualTo("stage1.mp4");
        assertThat(ll.guideDomain()).isEqualTo("nrelabs-abcde12345-jupyterlabguide-web.heps.example.org");
    }

    @Test
    void endpointsFollowTheLessonInOrderWithPortsCredentialsAndHepDomains() {
        LiveLesson ll = factory.create(markdownLesson(), 0, "s");
        assertThat(ll.liveEndpoints().keySet()).containsExactly("vqfx1", "linux1");
        LiveEndpoint vqfx = ll.liveEndpoints().get("vqfx1");
        assertThat(vqfx.image()).isEqualTo("vqfx");
        assertThat(vqfx.ports()).containsExactly(22, 830);
        assertThat(vqfx.sshUser()).isEqualTo("root");
        assertThat(vqfx.sshPassword()).isEqualTo("Antidote");
        assertThat(vqfx.configurationType()).isEqualTo(ConfigurationType.NAPALM);
        assertThat(vqfx.configurationFile()).isEqualTo("vqfx1-junos.txt");
        assertThat(vqfx.host()).isEmpty();
        assertThat(vqfx.presentations()).containsExactly(
                new LivePresentation("cli", 22, PresentationType.SSH, "nrelabs-abcde12345-vqfx1-cli.heps.example.org"));
        LiveEndpoint linux = ll.liveEndpoints().get("linux1");
        assertThat(linux.ports()).containsExactly(8080, 22);
        assertThat(linux.sshUser()).isEqualTo("antidote");
        assertThat(linux.configurationType()).isEqualTo(ConfigurationType.NONE);
        assertThat(linux.configurationFile()).isEmpty();
        assertThat(linux.presentations()).extracting(LivePresentation::hepDomain).containsExactly(
                "nrelabs-abcde12345-linux1-web.heps.example.org", "nrelabs-abcde12345-linux1-cli.heps.example.org");
        assertThat(linux.toString()).doesNotContain("antidotepassword");
    }

    @Test
    void markdownGuideIsReadFromTheStagesDirectory() {
        LiveLesson ll = factory.create(markdownLesson(), 2, "s");
        assertThat(ll.guideType()).isEqualTo(GuideType.MARKDOWN);
        assertThat(ll.guideContents()).isEqualTo("# Stage 2\n\nGuide text.\n");
    }

    @Test
    void noJupyterEndpointWithoutAJupyterStage() {
        assertThat(factory.create(markdownLesson(), 0, "s").liveEndpoints()).doesNotContainKey(LiveLessonFactory.JUPYTER_ENDPOINT);
    }

    @Test
    void aJupyterStageAddsTheGuideEndpoint() {
        Lesson lesson = lesson(List.of(GuideType.MARKDOWN, GuideType.JUPYTER), endpoints());
        for (int stage = 0; stage < 2; stage++) {
            LiveLesson ll = factory.create(lesson, stage, "s");
            assertThat(ll.liveEndpoints().keySet()).containsExactly("vqfx1", "linux1", "jupyterlabguide");
            LiveEndpoint jupyter = ll.liveEndpoints().get("jupyterlabguide");
            assertThat(jupyter.image()).isEqualTo("antidotelabs/jupyter:v0.7.0");
            assertThat(jupyter.ports()).containsExactly(8888);
            assertThat(jupyter.presentations()).containsExactly(new LivePresentation("web", 8888, PresentationType.HTTP,
                    "nrelabs-abcde12345-jupyterlabguide-web.heps.example.org"));
            assertThat(jupyter.presentations().get(0).hepDomain()).isEqualTo(ll.guideDomain());
        }
        LiveLesson atJupyterStage = factory.create(lesson, 1, "s");
        assertThat(atJupyterStage.guideType()).isEqualTo(GuideType.JUPYTER);
        assertThat(atJupyterStage.guideContents()).isEmpty();
    }

    @Test
    void anImageWithoutMetadataIsAClearError() {
        Lesson lesson = lesson(List.of(GuideType.MARKDOWN), List.of(new LessonEndpoint("r1", "csr1000v", null, null, List.of(22), null)));
        assertThatThrownBy(() -> factory.create(lesson, 0, "s"))
                .isInstanceOfSatisfying(LiveLessonCreationException.class, e -> assertThat(e.lessonSlug()).isEqualTo("routing"))
                .hasMessage("lesson routing: endpoint r1 uses image csr1000v, which has no metadata in the curriculum");
    }

    @Test
    void aStageThatDoesNotExistIsAClearError() {
        assertThatThrownBy(() -> factory.create(markdownLesson(), 3, "s")).isInstanceOf(LiveLessonCreationException.class)
                .hasMessage("lesson routing: has stages 0..2, there is no stage 3");
        assertThatThrownBy(() -> factory.create(markdownLesson(), -1, "s")).isInstanceOf(LiveLessonCreationException.class)
                .hasMessageContaining("no stage -1");
    }

    @Test
    void aMissingGuideIsAClearError() throws Exception {
        Files.delete(curriculum.resolve("lessons/routing/stage1/guide.md"));
        assertThatThrownBy(() -> factory.create(markdownLesson(), 1, "s")).isInstanceOf(LiveLessonCreationException.class)
                .hasMessageStartingWith("lesson routing: cannot read the guide of stage 1")
                .hasMessageEndingWith("stage1" + java.io.File.separator + "guide.md): the file is missing");
    }

    @Test
    void anEndpointNamedLikeTheGuideEndpointIsRefusedWhenJupyterIsUsed() {
        Lesson lesson = lesson(List.of(GuideType.JUPYTER),
                List.of(new LessonEndpoint("jupyterlabguide", "utility", null, null, List.of(22), null)));
        assertThatThrownBy(() -> factory.create(lesson, 0, "s")).isInstanceOf(LiveLessonCreationException.class)
                .hasMessageContaining("reserved");
    }
}
