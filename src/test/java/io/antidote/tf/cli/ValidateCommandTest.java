package io.antidote.tf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
