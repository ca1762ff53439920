package io.antidote.tf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.antidote.tf.hostile.HostileCurriculum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code antidote-tf validate}, driven through {@link Main#run} in-process. */
class ValidateCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static Path valid() throws URISyntaxException {
        return Path.of(ValidateCommandTest.class.getResource("/curricula/valid").toURI());
    }

    @Test
    void aCleanCurriculumExitsZeroWithASummary() throws URISyntaxException {
        Run run = run("validate", "--curriculum", valid().toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("3 lessons, 2 images, 1 collections: no problems" + System.lineSeparator());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void everyProblemIsPrintedOnOneLineAndTheExitIsOne(@TempDir Path tmp) throws IOException {
        Path lessons = Files.createDirectories(tmp.resolve("lessons/a"));
        Files.writeString(lessons.resolve("lesson.meta.yaml"), "name: [\n");
        Files.createDirectories(tmp.resolve("lessons/b"));
        Run run = run("validate", "--curriculum", tmp.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().lines()).containsExactly(
                "curriculum.meta.yaml: the file is missing",
                "lessons/a/lesson.meta.yaml: malformed YAML at line 2, column 1: expected the node content, but found '<stream end>'",
                "lessons/b: has no lesson.meta.yaml (every directory under lessons/ is a lesson)");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aMissingDirectoryIsOneLineOnStderrAndExitTwo(@TempDir Path tmp) {
        Path missing = tmp.resolve("nowhere");
        Run run = run("validate", "--curriculum", missing.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly("antidote-tf validate: curriculum directory " + missing + " does not exist");
    }

    @Test
    void aFileInsteadOfADirectoryIsExitTwo(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("curriculum.yaml"), "x: 1\n");
        Run run = run("validate", "--curriculum", file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("antidote-tf validate: curriculum directory " + file + " is not a directory");
    }

    @Test
    void aMissingOptionIsAUsageErrorWithExitTwo() {
        Run run = run("validate");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--curriculum=DIR'").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    /**
     * The findings of issue 11 that reach the lesson host: each is a problem naming its file and field, the lesson
     * using them is left out, and the output stays one visible line per problem.
     */
    @Test
    void shellInjectionsAHeredocTerminatorAHostileDirectoryAndAnEndlessReadyDelayAreProblems(@TempDir Path tmp)
            throws Exception {
        Path root = tmp.resolve("curriculum");
        HostileCurriculum.Case plain = new HostileCurriculum.Case(new HostileCurriculum.Field(
                HostileCurriculum.Kind.LESSON, "readyDelay"), new HostileCurriculum.Payload("endless", "2147483647"));
        plain.write(root);
        Path image = root.resolve("images/router/image.meta.yaml");
        Files.writeString(image, Files.readString(image)
                .replace("  - em1\n  - em2\n", "  - 'eth1;touch /root/x;#'\n  - '$(id > /root/y)'\n")
                .replace("configUser: netconf", "configUser: \"netconf\\nCONFIGURE\\ntouch /root/z\""));
        Path lesson = root.resolve("lessons/hostile-lab/lesson.meta.yaml");
        Files.writeString(lesson, Files.readString(lesson).replace("readyDelay: \"2147483647\"", "readyDelay: 2147483647"));
        Files.move(root.resolve("lessons/hostile-lab"), root.resolve("lessons/x$(id)"));
        Run run = run("validate", "--curriculum", root.toString());
        assertThat(run.exit()).isEqualTo(1);
        String img = "images/router/image.meta.yaml: ";
        String les = "lessons/x$(id)/lesson.meta.yaml: ";
        String iface = "must be a network interface name: a lower-case letter, then lower-case letters, digits, '_', "
                + "'.' and '-', got ";
        assertThat(run.out().lines()).containsExactly(
                img + "networkInterfaces[0]: " + iface + "\"eth1;touch /root/x;#\"",
                img + "networkInterfaces[1]: " + iface + "\"$(id > /root/y)\"",
                img + "configUser: must be a login name: a lower-case letter or '_', then "
                        + "lower-case letters, digits, '_' and '-', got \"netconf\\nCONFIGURE\\ntouch /root/z\"",
                les + "slug: \"hostile-lab\" must equal its directory name \"x$(id)\" (lessons/<slug>/: the directory "
                        + "reaches paths and commands on the lesson host)",
                les + "readyDelay: must be in 0..600 seconds, got 2147483647",
                les + "endpoints[0].image: image \"router\" did not load (see the problems of images/router/image.meta.yaml)",
                les + "endpoints[1].image: image \"router\" did not load (see the problems of images/router/image.meta.yaml)");
    }

    /** A meta file linked to a file outside the curriculum is refused unread: nothing of its content is shown. */
    @Test
    void aMetaFileLinkedOutsideTheCurriculumIsRefusedUnread(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("curriculum");
        new HostileCurriculum.Case(new HostileCurriculum.Field(HostileCurriculum.Kind.LESSON, "name"),
                new HostileCurriculum.Payload("plain", "Plain")).write(root);
        Path secret = Files.writeString(tmp.resolve("shadow"), "root:$6$TOP-SECRET-HASH:19000::::::\n");
        Path image = root.resolve("images/router/image.meta.yaml");
        Files.delete(image);
        Files.createSymbolicLink(image, secret);
        Run run = run("validate", "--curriculum", root.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().lines()).first().isEqualTo("images/router/image.meta.yaml: leads outside the curriculum "
                + "directory (through a link); it is not read");
        assertThat(run.out()).doesNotContain("TOP-SECRET").doesNotContain("root:");
    }

    /** A meta file bigger than the bound is refused before it is read. */
    @Test
    void anOversizedMetaFileIsRefusedBeforeItIsRead(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("curriculum");
        new HostileCurriculum.Case(new HostileCurriculum.Field(HostileCurriculum.Kind.LESSON, "name"),
                new HostileCurriculum.Payload("plain", "Plain")).write(root);
        Path collection = root.resolve("collections/lab-makers/collection.meta.yaml");
        Files.writeString(collection, "# " + "x".repeat(300_000) + "\n" + Files.readString(collection));
        Run run = run("validate", "--curriculum", root.toString());
        assertThat(run.out().lines()).first().asString().startsWith("collections/lab-makers/collection.meta.yaml: is ")
                .endsWith(" bytes, more than the 262144 allowed");
    }
}
