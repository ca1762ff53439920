package io.antidote.tf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Drives the real entry point in-process ({@link Main#run(PrintWriter, PrintWriter, String...)}) and writes test
 * configurations derived from examples/antidote.yml (absolute paths; the test plugin cache shared with the stack ITs).
 */
final class Cli {
    static final Path EXAMPLE_CONFIG = Path.of("examples/antidote.yml").toAbsolutePath();
    static final Path EXAMPLE_CURRICULUM = Path.of("examples/curriculum").toAbsolutePath();
    static final Path SHARED_PLUGIN_CACHE = Path.of(System.getProperty("java.io.tmpdir"), "antidote-tf-test-terraform",
            "plugin-cache");

    /** What one run printed and returned. */
    record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        /** Exactly one line on stderr, {@code antidote-tf: ...}, no stack trace; returns it. */
        String oneErrorLine() {
            assertThat(errLines()).as("stderr of a failed run: " + err).hasSize(1);
            String line = errLines().get(0);
            assertThat(line).startsWith("antidote-tf: ").doesNotContain("Exception").doesNotContain("\tat ");
            return line;
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * A copy of examples/antidote.yml in {@code dir} with the curriculum, the CLI config file and a shared plugin
     * cache as absolute paths, then each {@code replacements} pair applied to the text (old, new, old, new...).
     */
    static Path config(Path dir, String... replacements) throws IOException {
        String text = Files.readString(EXAMPLE_CONFIG)
                .replace("curriculumDir: curriculum", "curriculumDir: " + EXAMPLE_CURRICULUM)
                .replace("cliConfigFile: terraformrc.hcl", "cliConfigFile: "
                        + EXAMPLE_CONFIG.resolveSibling("terraformrc.hcl") + "\n      pluginCacheDir: " + SHARED_PLUGIN_CACHE);
        for (int i = 0; i + 1 < replacements.length; i += 2) {
            assertThat(text).as("the example configuration has " + replacements[i]).contains(replacements[i]);
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        Path file = dir.resolve("antidote.yml");
        Files.writeString(file, text);
        return file;
    }

    /** The names in {@code dir}, to prove nothing was left behind. */
    static List<String> list(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
