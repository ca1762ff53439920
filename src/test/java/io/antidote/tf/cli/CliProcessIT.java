package io.antidote.tf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.testing.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command ({@code java -jar target/antidote-tf.jar}, built by {@code package} before failsafe runs) as a
 * user runs it: synth and plan succeed, and every bad invocation ends with one line on stderr and its exit code.
 */
class CliProcessIT {
    private static final Path JAR = Path.of("target/antidote-tf.jar").toAbsolutePath();
    @TempDir
    Path temp;

    record Run(int exitCode, String out, String err) {
        String oneErrorLine() {
            List<String> lines = err.lines().toList();
            assertThat(lines).as(err).hasSize(1);
            assertThat(lines.get(0)).startsWith("antidote-tf: ").doesNotContain("Exception");
            return lines.get(0);
        }
    }

    @BeforeEach
    void needsTheJar() {
        Requirements.require(Files.isRegularFile(JAR), "target/antidote-tf.jar (run mvn package)");
    }

    @Test
    void synthWritesTheCommittedStacks() throws Exception {
        Path out = temp.resolve("out");
        Run r = run(Map.of(), "synth", "--config", Cli.EXAMPLE_CONFIG.toString(), "--all", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        for (String f : List.of("manifest.json", "stacks/routed-pair/cdk.tf.json")) {
            assertThat(Files.readString(out.resolve(f))).isEqualTo(Files.readString(Path.of("stacks").resolve(f)));
        }
    }

    @Test
    void planOfAnExampleLessonReportsMarkdown() throws Exception {
        Requirements.tool("terraform");
        Requirements.path(Path.of("/opt/tf-plugins/registry.terraform.io/hashicorp/aws"), "the AWS provider mirror");
        Path md = temp.resolve("report.md");
        Run r = run(Map.of(), "plan", "--config", Cli.config(temp).toString(), "--lesson", "linux-first-steps",
                "--report-md", md.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("[1/1] linux-first-steps: planned");
        assertThat(Files.readString(md)).contains("| linux-first-steps | `example-").contains("✅ planned");
    }

    @Test
    void badInvocationsEndWithOneLineAndTheirExitCode() throws Exception {
        String c = Cli.config(temp).toString();
        String out = temp.resolve("out").toString();
        assertThat(usage(run(Map.of(), "plan", "--config", c, "--all", "--bogus"))).contains("Unknown option");
        assertThat(usage(run(Map.of(), "synth", "--config", temp.resolve("no.yml").toString(), "--all", "--out", out)))
                .contains("no such file");
        Files.writeString(temp.resolve("bad.yml"), ": : :\n");
        assertThat(usage(run(Map.of(), "plan", "--config", temp.resolve("bad.yml").toString(), "--all")))
                .contains("bad.yml");
        assertThat(usage(run(Map.of(), "plan", "--config", c, "--lesson", "missing-lesson"))).contains("missing-lesson");
        assertThat(usage(run(Map.of(), "synth", "--config", c, "--curriculum", "/nonexistent/dir", "--all", "--out", out)))
                .contains("/nonexistent/dir");
        Run noTerraform = run(Map.of("PATH", "/nonexistent-bin"), "plan", "--config", c, "--all");
        assertThat(noTerraform.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(noTerraform.oneErrorLine()).contains("install Terraform");
        Path file = Files.writeString(temp.resolve("plain-file"), "x");
        Run notWritable = run(Map.of(), "synth", "--config", c, "--lesson", "linux-first-steps", "--out",
                file.resolve("out").toString());
        assertThat(notWritable.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(notWritable.oneErrorLine()).contains("cannot write the output directory");
        assertThat(Cli.list(temp)).containsExactly("antidote.yml", "bad.yml", "plain-file");
    }

    private static String usage(Run r) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        return r.oneErrorLine();
    }

    private Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("cli-out", ".txt");
        Path err = Files.createTempFile("cli-err", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("antidote-tf did not finish: " + command);
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
