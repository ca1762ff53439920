package io.antidote.tf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.testing.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kubernetes target where the kubernetes provider cannot be installed, as on the build machines (no provider
 * binary, no cluster, no registry): the real terraform runs {@code init} against a provider mirror that lacks it, and
 * {@code plan} (in the batch mode and with {@code --per-stack}) and {@code up} fail with one clear line naming the
 * provider, never a stack trace; {@code down} still removes the failed livelesson. The mirror here is an empty directory, so the test means the same on any machine.
 */
class KubernetesProviderMissingIT {
    private static final Path EXAMPLE = Path.of("examples/kubernetes.yml").toAbsolutePath();

    @TempDir
    Path dir;

    private Path config() throws IOException {
        Requirements.tool("terraform");
        Path mirror = Files.createDirectories(dir.resolve("empty-mirror"));
        Path rc = dir.resolve("terraformrc.hcl");
        Files.writeString(rc, "provider_installation {\n  filesystem_mirror {\n    path = \"" + mirror
                + "\"\n    include = [\"registry.terraform.io/*/*\"]\n  }\n  direct {\n"
                + "    exclude = [\"registry.terraform.io/*/*\"]\n  }\n}\n");
        String text = Files.readString(EXAMPLE)
                .replace("curriculumDir: curriculum", "curriculumDir: " + Cli.EXAMPLE_CURRICULUM)
                .replace("cliConfigFile: terraformrc.hcl", "cliConfigFile: " + rc + "\n      workDir: " + dir.resolve("work"));
        assertThat(text).contains(rc.toString());
        Path file = dir.resolve("kubernetes.yml");
        Files.writeString(file, text);
        return file;
    }

    @ParameterizedTest(name = "plan {0}")
    @ValueSource(strings = {"--batch-size=20", "--per-stack"})
    void planFailsWithOneLineNamingTheProvider(String mode) throws IOException {
        Path config = config();
        Cli.Result r = Cli.run("plan", "--config", config.toString(), "--all", "--parallel", "2", mode);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.FAILED);
        String line = r.oneErrorLine();
        assertThat(line).contains("terraform cannot install the provider hashicorp/kubernetes")
                .contains("not found in any of the search locations").contains(dir.resolve("empty-mirror").toString())
                .contains("no stack was planned");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void upFailsWithOneLineAndDownRemovesTheLivelesson() throws IOException {
        Path config = config();
        Path db = dir.resolve("state.sqlite");
        CliLab.Run up = CliLab.run("up", "--config", config.toString(), "--db", db.toString(), "--lesson",
                "linux-first-steps", "--session", "s1");
        assertThat(up.exit()).as(up.err()).isEqualTo(ExitCodes.FAILED);
        List<String> errors = up.err().lines().filter(l -> l.startsWith("antidote-tf: ")).toList();
        assertThat(errors).as(up.err()).hasSize(1);
        assertThat(errors.get(0)).contains("terraform cannot install the provider hashicorp/kubernetes")
                .contains("antidote-tf down ");
        assertThat(up.err()).doesNotContain("Exception").doesNotContain("\tat ");
        String id = errors.get(0).replaceAll("^antidote-tf: livelesson ([a-z0-9]+) failed.*$", "$1");
        CliLab.Run down = CliLab.run("down", id, "--config", config.toString(), "--db", db.toString());
        assertThat(down.exit()).as(down.err()).isZero();
        assertThat(down.out() + down.err()).contains("livelesson " + id + " removed");
        Path work = dir.resolve("work");
        assertThat(!Files.exists(work) || Cli.list(work).stream().allMatch(n -> n.startsWith("."))).as("no stack left in "
                + work).isTrue();
    }
}
