package io.antidote.tf.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules on a lesson's files: guides, configuration files, and staying inside the lesson directory. */
class FileRulesTest {
    private static final String ROUTING = "lessons/routing/lesson.meta.yaml";
    private static final String SANDBOX = "lessons/sandbox/lesson.meta.yaml";
    private static final String BASICS = "lessons/basics/lesson.meta.yaml";

    @TempDir
    Path tmp;
    private Fixture f;
    private Path outside;

    @BeforeEach
    void copy() throws IOException {
        f = Fixture.copyOf("valid", tmp.resolve("curriculum"));
        outside = Files.createDirectories(tmp.resolve("outside"));
    }

    @Test
    void everyStageHasTheGuideOfItsGuideType() {
        f.delete("lessons/routing/stage1/guide.ipynb").write("lessons/routing/stage1/guide.md", "# not a notebook\n");
        f.assertExactly(List.of("basics", "sandbox"), ROUTING + ": stages[1].guideType: jupyter: stage1/guide.ipynb is missing");
    }

    @Test
    void aGuideIsARegularFile() throws IOException {
        f.delete("lessons/basics/stage0/guide.md");
        Files.createDirectories(f.path("lessons/basics/stage0/guide.md"));
        f.assertExactly(List.of("routing", "sandbox"), BASICS + ": stages[0].guideType: markdown: stage0/guide.md is missing");
    }

    @Test
    void aPythonEndpointHasItsFileInEveryStage() {
        f.delete("lessons/basics/stage0/configs/linux1.py").write("lessons/basics/stage0/configs/linux1.yml", "x\n");
        f.assertExactly(List.of("routing", "sandbox"), BASICS + ": endpoints[0].configurationType: python: stage0/configs/linux1.py is missing");
    }

    @Test
    void anAnsibleEndpointHasItsYmlFile() {
        f.delete("lessons/sandbox/stage0/configs/web1.yml").write("lessons/sandbox/stage0/configs/web1.yaml", "x\n");
        f.assertExactly(List.of("basics", "routing"), SANDBOX + ": endpoints[0].configurationType: ansible: stage0/configs/web1.yml is missing");
    }

    @Test
    void aNapalmEndpointHasADriverFileInEveryStage() {
        f.delete("lessons/routing/stage1/configs/vqfx1-junos.txt").write("lessons/routing/stage1/configs/vqfx1-vyos.txt", "x\n");
        f.assertExactly(List.of("basics", "sandbox"), ROUTING + ": endpoints[1].configurationType: napalm: stage1/configs/ has no "
                + "vqfx1-<driver>.txt (driver junos|eos|iosxr|nxos|nxos_ssh|ios)");
    }

    @Test
    void aNapalmEndpointHasOneDriverFilePerStage() {
        f.write("lessons/routing/stage0/configs/vqfx1-eos.txt", "x\n");
        f.assertExactly(List.of("basics", "sandbox"), ROUTING + ": endpoints[1].configurationType: napalm: stage0/configs/ has more "
                + "than one file for vqfx1: vqfx1-eos.txt, vqfx1-junos.txt");
    }

    @Test
    void aNapalmEndpointUsesTheSameFileInEveryStage() {
        f.delete("lessons/routing/stage1/configs/vqfx1-junos.txt").write("lessons/routing/stage1/configs/vqfx1-nxos_ssh.txt", "x\n");
        f.assertExactly(List.of("basics", "sandbox"), ROUTING + ": endpoints[1].configurationType: napalm: "
                + "stage1/configs/vqfx1-nxos_ssh.txt differs from vqfx1-junos.txt of an earlier stage");
    }

    @Test
    void aNameCannotLeadOutOfTheLessonDirectory() {
        f.edit(BASICS, "- name: linux1", "- name: ../../../outside/x");
        f.write("outside/x.py", "print('escaped')\n");
        f.assertExactly(List.of("routing", "sandbox"), BASICS + ": endpoints[0].name: must be a DNS label: lower-case "
                + "letters, digits and inner hyphens (it becomes part of a host name), got \"../../../outside/x\"");
    }

    @Test
    void aGuideLinkedFromOutsideTheLessonIsAProblem() throws IOException {
        Files.writeString(outside.resolve("guide.md"), "# elsewhere\n");
        f.delete("lessons/basics/stage0/guide.md");
        Files.createSymbolicLink(f.path("lessons/basics/stage0/guide.md"), outside.resolve("guide.md"));
        f.assertExactly(List.of("routing", "sandbox"),
                BASICS + ": stages[0].guideType: stage0/guide.md leads outside the lesson directory (through a link); "
                        + "it is not read");
    }

    @Test
    void aConfigsDirectoryLinkedFromOutsideIsAProblem() throws IOException {
        Files.writeString(outside.resolve("vqfx1-junos.txt"), "x\n");
        f.delete("lessons/routing/stage1/configs/vqfx1-junos.txt").delete("lessons/routing/stage1/configs");
        Files.createSymbolicLink(f.path("lessons/routing/stage1/configs"), outside);
        f.assertExactly(List.of("basics", "sandbox"), ROUTING + ": endpoints[1].configurationType: "
                + "napalm: stage1/configs/ leads outside the lesson directory (through a link)");
    }

    @Test
    void aLessonDirectoryLinkedFromOutsideTheCurriculumIsRejected() throws IOException {
        Path elsewhere = outside.resolve("extra");
        Fixture.copyOf("valid/lessons/sandbox", elsewhere);
        Files.createSymbolicLink(f.path("lessons/extra"), elsewhere);
        LoadResult result = f.load();
        assertThat(result.problems()).extracting(Problem::format)
                .containsExactly("lessons/extra: is a link to " + elsewhere.toRealPath() + ", outside the curriculum directory");
        assertThat(result.curriculum().lessons().keySet()).containsExactly("basics", "routing", "sandbox");
    }

    @Test
    void aLessonDirectoryLinkedFromInsideTheCurriculumIsFine() throws IOException {
        Fixture.copyOf("valid/lessons/sandbox", f.path("drafts/playground"));
        f.edit("drafts/playground/lesson.meta.yaml", "slug: sandbox", "slug: playground");
        Files.createSymbolicLink(f.path("lessons/playground"), f.path("drafts/playground"));
        f.assertExactly(List.of("basics", "playground", "routing", "sandbox"));
    }

    @Test
    void aGuideOrAConfigurationFileBiggerThanItsBoundIsAProblem() throws IOException {
        f.write("lessons/sandbox/stage0/guide.md", "#".repeat((int) CurriculumFiles.MAX_GUIDE_BYTES + 1));
        f.write("lessons/basics/stage0/configs/linux1.py", "#".repeat((int) CurriculumFiles.MAX_CONFIGURATION_BYTES + 1));
        f.assertExactly(List.of("routing"),
                "lessons/basics/lesson.meta.yaml: endpoints[0].configurationType: stage0/configs/linux1.py is 1048577 "
                        + "bytes, more than the 1048576 allowed",
                SANDBOX + ": stages[0].guideType: stage0/guide.md is 1048577 bytes, more than the 1048576 allowed");
    }


    @Test
    void aMetaFileThatIsNotUtf8IsOneProblem() throws IOException {
        Files.write(f.path(SANDBOX), new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xff, '\n'});
        f.assertExactly(List.of("basics", "routing"), SANDBOX + ": is not UTF-8 text");
    }
}
