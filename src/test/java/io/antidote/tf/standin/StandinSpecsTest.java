package io.antidote.tf.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antidote.tf.curriculum.CurriculumLoader;
import io.antidote.tf.curriculum.LoadResult;
import io.antidote.tf.lesson.Category;
import io.antidote.tf.lesson.ConfigurationType;
import io.antidote.tf.lesson.Curriculum;
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
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What stand-ins a curriculum needs: users from the image, ports gathered over every lesson, the platform images. */
class StandinSpecsTest {

    private static Map<String, StandinImage> bySource(StandinSpec spec) {
        return spec.images().stream().collect(Collectors.toMap(StandinImage::source, Function.identity()));
    }

    @Test
    void theFixturesImagesGetTheirUsersAndTheUnionOfTheirLessonsPorts(@TempDir Path tmp) throws IOException {
        LoadResult loaded = CurriculumLoader.load(StandinFixture.write(tmp));
        assertThat(loaded.problems()).isEmpty();
        StandinSpec spec = StandinSpecs.of(loaded.curriculum(), "acme", "v1", "v2");
        assertThat(spec.images()).extracting(StandinImage::reference).containsExactly("acme/box:v1", "acme/rootbox:v1",
                "antidotelabs/configurator:v2", "antidotelabs/jupyter:v2");
        assertThat(spec.warnings()).isEmpty();
        Map<String, StandinImage> images = bySource(spec);

        StandinImage box = images.get("box");
        assertThat(box.kind()).isEqualTo(StandinKind.ENDPOINT);
        assertThat(box.users()).containsExactly(new StandinUser("antidote", StandinFixture.HOSTILE_PASSWORD, 1000),
                new StandinUser("configurer", StandinFixture.CONFIG_PASSWORD, 1001));
        assertThat(box.permitRootLogin()).isFalse();
        assertThat(box.sshPorts()).containsExactly(22);
        assertThat(box.httpPorts()).containsExactly(8080, 9090);
        assertThat(box.tcpPorts()).containsExactly(830);
        assertThat(box.lessons()).containsExactly("other", "probe");

        StandinImage rootbox = images.get("rootbox");
        assertThat(rootbox.users()).containsExactly(new StandinUser("root", StandinFixture.ROOT_PASSWORD, 0),
                new StandinUser("antidote", "antidotepassword", 1001));
        assertThat(rootbox.permitRootLogin()).isTrue();
        assertThat(rootbox.sshPorts()).containsExactly(22, 2222);
        assertThat(rootbox.httpPorts()).isEmpty();

        StandinImage configurator = images.get("configurator");
        assertThat(configurator.kind()).isEqualTo(StandinKind.CONFIGURATOR);
        assertThat(configurator.users()).isEmpty();
        assertThat(configurator.sshPorts()).isEmpty();
        StandinImage jupyter = images.get("jupyter");
        assertThat(jupyter.kind()).isEqualTo(StandinKind.JUPYTER);
        assertThat(jupyter.httpPorts()).containsExactly(8888);
        assertThat(jupyter.sshPorts()).isEmpty();
    }

    @Test
    void anImageNoLessonUsesStillGetsAStandinWithSshOn22() {
        StandinSpec spec = StandinSpecs.of(curriculum(List.of(image("spare", "antidote", "pw", "antidote", "pw")),
                List.of()), "antidotelabs", "latest", "latest");
        StandinImage spare = bySource(spec).get("spare");
        assertThat(spare.sshPorts()).containsExactly(22);
        assertThat(spare.lessons()).isEmpty();
        assertThat(spare.users()).singleElement().isEqualTo(new StandinUser("antidote", "pw", 1000));
    }

    @Test
    void anAdditionalPortThatIsAlsoAPresentationKeepsThePresentationsRoleAndSshWinsOverHttp() {
        LessonEndpoint odd = new LessonEndpoint("odd1", "odd", ConfigurationType.NONE, "", List.of(22, 8080, 830),
                List.of(new Presentation("web", 8080, PresentationType.HTTP), new Presentation("cli", 2022,
                        PresentationType.SSH)));
        LessonEndpoint clash = new LessonEndpoint("odd2", "odd", ConfigurationType.NONE, "", List.of(),
                List.of(new Presentation("web", 2022, PresentationType.HTTP)));
        StandinSpec spec = StandinSpecs.of(curriculum(List.of(image("odd", "antidote", "pw", "antidote", "pw")),
                List.of(lesson("one", odd), lesson("two", clash))), "antidotelabs", "latest", "latest");
        StandinImage image = bySource(spec).get("odd");
        assertThat(image.sshPorts()).containsExactly(22, 2022);
        assertThat(image.httpPorts()).containsExactly(8080);
        assertThat(image.tcpPorts()).containsExactly(830);
        assertThat(spec.warnings()).containsExactly(
                "image odd: port 2022 is an http presentation and an SSH port; the stand-in serves SSH on it");
    }

    @Test
    void oneUserWithTwoPasswordsIsOneLoginWithTheSshPasswordAndAWarning() {
        StandinSpec spec = StandinSpecs.of(curriculum(List.of(image("twice", "antidote", "ssh-pw", "antidote",
                "config-pw")), List.of()), "antidotelabs", "latest", "latest");
        assertThat(bySource(spec).get("twice").users()).containsExactly(new StandinUser("antidote", "ssh-pw", 1000));
        assertThat(spec.warnings()).singleElement().asString().contains("twice", "sshPassword only")
                .doesNotContain("ssh-pw", "config-pw");
    }

    @Test
    void aUserThatCannotBeALoginNameIsRefusedNamingTheImageAndFieldButNeverThePassword() {
        for (String name : List.of("ant idote", "x;touch /tmp/y", "$(id)", "Antidote", "a\nb", "-rf",
                "averyveryveryveryverylongloginname")) {
            assertThatThrownBy(() -> StandinSpecs.of(curriculum(List.of(image("bad", "antidote", "secret-pw", name,
                    "secret-pw")), List.of()), "antidotelabs", "latest", "latest"))
                    .isInstanceOfSatisfying(StandinException.class, e -> {
                        assertThat(e.image()).isEqualTo("bad");
                        assertThat(e.getMessage()).startsWith("stand-in of image bad: configUser \"")
                                .contains("must be a login name").doesNotContain("secret-pw").doesNotContain("\n");
                    });
        }
    }

    @Test
    void aPasswordWithANulByteIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> StandinSpecs.of(curriculum(List.of(image("nul", "antidote", "se\0cret", "antidote",
                "se\0cret")), List.of()), "antidotelabs", "latest", "latest"))
                .isInstanceOf(StandinException.class)
                .hasMessage("stand-in of image nul: sshUser \"antidote\": its password holds a NUL byte");
    }

    @Test
    void aSlugThatCannotNameADockerRepositoryIsRefused() {
        assertThatThrownBy(() -> StandinSpecs.of(curriculum(List.of(image("Upper", "antidote", "pw", "antidote", "pw")),
                List.of()), "antidotelabs", "latest", "latest"))
                .isInstanceOfSatisfying(StandinException.class, e -> assertThat(e.getMessage())
                        .startsWith("stand-in of image Upper: the name Upper must be a Docker repository name"));
    }

    @Test
    void aUserNeverShowsItsPassword() {
        assertThat(new StandinUser("antidote", "hunter2", 1000).toString()).doesNotContain("hunter2").contains("****");
        assertThatThrownBy(() -> new StandinUser("antidote", "pw", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StandinUser("root", "pw", 1000)).isInstanceOf(IllegalArgumentException.class);
    }

    static Image image(String slug, String sshUser, String sshPassword, String configUser, String configPassword) {
        return new Image(slug, "", Flavor.LEGACY, false, List.of(), sshUser, sshPassword, configUser, configPassword);
    }

    static Lesson lesson(String slug, LessonEndpoint... endpoints) {
        return new Lesson(slug, slug, Category.FUNDAMENTALS, Tier.LOCAL, "", "", "", List.of(), List.of(),
                List.of(new LessonStage(0, "only", GuideType.MARKDOWN, "")), List.of(endpoints), List.of(), List.of(),
                0, "", "", Path.of("lessons", slug));
    }

    static Curriculum curriculum(List<Image> images, List<Lesson> lessons) {
        return new Curriculum(Path.of("/nowhere"), new CurriculumInfo("c", "", "", "", ""),
                lessons.stream().collect(Collectors.toMap(Lesson::slug, Function.identity())),
                images.stream().collect(Collectors.toMap(Image::slug, Function.identity())), Map.of());
    }
}
