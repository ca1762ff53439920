package io.antidote.tf.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antidote.tf.lesson.Category;
import io.antidote.tf.lesson.ConfigurationType;
import io.antidote.tf.lesson.Connection;
import io.antidote.tf.lesson.Curriculum;
import io.antidote.tf.lesson.Flavor;
import io.antidote.tf.lesson.GuideType;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.lesson.Presentation;
import io.antidote.tf.lesson.PresentationType;
import io.antidote.tf.lesson.Tier;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurriculumLoaderTest {

    @Test
    void theValidCurriculumLoadsWholeWithoutProblems() {
        LoadResult result = CurriculumLoader.load(Fixture.resource("valid"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.clean()).isTrue();
        Curriculum c = result.curriculum();
        assertThat(c.info().name()).isEqualTo("test");
        assertThat(c.info().aVer()).isEqualTo("0.6.0");
        assertThat(c.lessons().keySet()).containsExactly("basics", "routing", "sandbox");
        assertThat(c.images().keySet()).containsExactly("utility", "vqfx");
        assertThat(c.collections().keySet()).containsExactly("acme");
        assertThat(c.collections().get("acme").longDescription()).isEqualTo("ACME makes many things,\nover several lines.\n");
    }

    @Test
    void lessonsAreMappedIntoTheModel() {
        Lesson routing = CurriculumLoader.load(Fixture.resource("valid")).curriculum().lesson("routing").orElseThrow();

        assertThat(routing.category()).isEqualTo(Category.TOOLS);
        assertThat(routing.tier()).isEqualTo(Tier.PTR);
        assertThat(routing.collection()).isEqualTo("acme");
        assertThat(routing.prereqs()).containsExactly("basics");
        assertThat(routing.readyDelay()).isEqualTo(5);
        assertThat(routing.directory()).isEqualTo(Path.of("lessons", "routing"));
        assertThat(routing.authors()).extracting(a -> a.name() + " " + a.link()).containsExactly("Ada https://example.org/ada");
        assertThat(routing.stages()).extracting(s -> s.index() + " " + s.guideType() + " " + s.stageVideo())
                .containsExactly("0 MARKDOWN https://example.org/video", "1 JUPYTER ");
        assertThat(routing.usesJupyter()).isTrue();
        assertThat(routing.connections()).containsExactly(new Connection("vqfx1", "linux1", "10.1.0.0/24"));
        var vqfx1 = routing.endpoint("vqfx1").orElseThrow();
        assertThat(vqfx1.image()).isEqualTo("vqfx");
        assertThat(vqfx1.configurationType()).isEqualTo(ConfigurationType.NAPALM);
        assertThat(vqfx1.configurationFile()).isEqualTo("vqfx1-junos.txt");
        assertThat(vqfx1.presentations()).containsExactly(new Presentation("cli", 22, PresentationType.SSH));
        assertThat(vqfx1.ports()).containsExactly(22, 830);
        assertThat(routing.endpoint("linux1").orElseThrow().configurationFile()).isEmpty();
    }

    @Test
    void configurationFilesOfPythonAndAnsibleAndTheDefaultSubnet() {
        Curriculum c = CurriculumLoader.load(Fixture.resource("valid")).curriculum();

        assertThat(c.lesson("basics").orElseThrow().endpoints().get(0).configurationFile()).isEqualTo("linux1.py");
        Lesson sandbox = c.lesson("sandbox").orElseThrow();
        assertThat(sandbox.endpoint("web1").orElseThrow().configurationFile()).isEqualTo("web1.yml");
        assertThat(sandbox.endpoint("db1").orElseThrow().ports()).containsExactly(5432);
        assertThat(sandbox.connections().get(0).subnet()).isEqualTo(Connection.DEFAULT_SUBNET);
        assertThat(sandbox.stages().get(0).guideType()).isEqualTo(GuideType.MARKDOWN);
    }

    @Test
    void imagesAreMappedWithTheirFlavorAndInterfaces() {
        Curriculum c = CurriculumLoader.load(Fixture.resource("valid")).curriculum();

        var vqfx = c.image("vqfx").orElseThrow();
        assertThat(vqfx.flavor()).isEqualTo(Flavor.TRUSTED);
        assertThat(vqfx.enableForwarding()).isTrue();
        assertThat(vqfx.networkInterfaces()).containsExactly("em3", "em4");
        assertThat(c.image("utility").orElseThrow().configPassword()).isEqualTo("antidotepassword");
    }

    @Test
    void aMissingCurriculumDirectoryIsAnExceptionNamingIt(@TempDir Path tmp) {
        Path missing = tmp.resolve("nope");
        assertThatThrownBy(() -> CurriculumLoader.load(missing))
                .isInstanceOf(NoCurriculumException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void aMissingCurriculumMetaFileIsOneProblem(@TempDir Path tmp) {
        Fixture f = Fixture.copyOf("valid", tmp).delete("curriculum.meta.yaml");
        f.assertExactly(List.of("basics", "routing", "sandbox"), "curriculum.meta.yaml: the file is missing");
    }

    @Test
    void curriculumMetaFieldsAreRequired(@TempDir Path tmp) {
        Fixture f = Fixture.copyOf("valid", tmp).edit("curriculum.meta.yaml", "aVer: 0.6.0\n", "");
        f.assertExactly(List.of("basics", "routing", "sandbox"), "curriculum.meta.yaml: aVer: is required");
    }

    @Test
    void aDirectoryUnderLessonsWithoutALessonFileIsAProblem(@TempDir Path tmp) {
        Fixture f = Fixture.copyOf("valid", tmp).write("lessons/draft/lesson.meta.yml", "name: x\n");
        f.assertExactly(List.of("basics", "routing", "sandbox"),
                "lessons/draft: has no lesson.meta.yaml (every directory under lessons/ is a lesson)");
    }

    @Test
    void everyProblemIsFoundAtOnceAcrossFiles(@TempDir Path tmp) {
        Fixture f = Fixture.copyOf("valid", tmp)
                .edit("lessons/basics/lesson.meta.yaml", "category: fundamentals", "category: basics")
                .edit("lessons/sandbox/lesson.meta.yaml", "port: 8080", "port: 0")
                .edit("lessons/sandbox/lesson.meta.yaml", "tier: local", "tier: dev");
        f.assertExactly(List.of("routing"),
                "lessons/basics/lesson.meta.yaml: category: expected one of fundamentals|tools|workflows, got \"basics\"",
                "lessons/sandbox/lesson.meta.yaml: tier: expected one of prod|ptr|local, got \"dev\"",
                "lessons/sandbox/lesson.meta.yaml: endpoints[0].presentations[0].port: port 0 is not in 1..65535");
    }

    @Test
    void problemsNameTheFileRelativeToTheCurriculum() {
        Problem p = new Problem(Path.of("lessons", "x", "lesson.meta.yaml"), "slug", "is required");
        assertThat(p.format()).isEqualTo("lessons/x/lesson.meta.yaml: slug: is required");
        assertThat(p).hasToString(p.format());
        assertThat(new Problem(Path.of("lessons", "x"), "", "has no lesson.meta.yaml").format())
                .isEqualTo("lessons/x: has no lesson.meta.yaml");
    }
}
