package io.antidote.tf.cli;

import static io.antidote.tf.cli.SynthCommandTest.assertUsage;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad invocations of {@code antidote-tf plan} (none needs terraform): one line on stderr, exit 2 or 1, nothing left. */
class PlanCommandTest {
    @TempDir
    Path temp;

    @Test
    void usageErrorsExitTwo() throws Exception {
        String c = Cli.config(temp).toString();
        assertUsage(Cli.run("plan", "--config", c, "--all", "--frobnicate"), "Unknown option");
        assertUsage(Cli.run("plan", "--config", c), "--lesson");
        assertUsage(Cli.run("plan", "--all"), "--config");
        assertUsage(Cli.run("plan", "--config", c, "--all", "--output", "yaml"), "--output");
        assertUsage(Cli.run("plan", "--config", c, "--all", "--parallel", "0"), "--parallel");
        assertUsage(Cli.run("plan", "--config", c, "--all", "--batch-size", "0"), "--batch-size");
        assertUsage(Cli.run("plan", "--config", c, "--all", "--batch-size", "x"), "--batch-size");
        assertUsage(Cli.run("plan", "--config", temp.resolve("none.yml").toString(), "--all"), "no such file");
        assertUsage(Cli.run("plan", "--config", c, "--lesson", "nope"), "no lesson 'nope'");
        assertUsage(Cli.run("plan", "--config", c, "--curriculum", temp.resolve("gone").toString(), "--all"),
                "does not exist");
        assertUsage(Cli.run("plan", "--config", Cli.config(Files.createDirectories(temp.resolve("noaws")),
                "      vpcId: vpc-0example00000000\n", "").toString(), "--all"), "backendConfigs.terraform.aws.vpcId");
    }

    @Test
    void terraformMissingFromPathSaysWhatToInstallInOneLine() throws Exception {
        String c = Cli.config(temp, "binary: terraform", "binary: no-such-terraform-binary").toString();
        Cli.Result r = Cli.run("plan", "--config", c, "--all");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.oneErrorLine()).contains("no-such-terraform-binary").contains("install Terraform");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aReportThatCannotBeWrittenFailsBeforeAnythingRuns() throws Exception {
        String c = Cli.config(temp).toString();
        Cli.Result r = Cli.run("plan", "--config", c, "--all", "--report-md", temp.resolve("no/dir/r.md").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.oneErrorLine()).contains("cannot write the report").contains("does not exist");
        Cli.Result dir = Cli.run("plan", "--config", c, "--all", "--report-json", temp.toString());
        assertThat(dir.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(dir.oneErrorLine()).contains("is a directory");
        assertThat(Cli.list(temp)).containsExactly("antidote.yml");
    }

    @Test
    void aCacheDirectoryThatCannotBeUsedFailsBeforeAnythingRuns() throws Exception {
        String c = Cli.config(temp).toString();
        Files.writeString(temp.resolve("a-file"), "x");
        Cli.Result r = Cli.run("plan", "--config", c, "--all", "--cache", temp.resolve("a-file/cache").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.oneErrorLine()).contains("cannot use the cache directory");
        assertThat(r.out()).isEmpty();
        assertThat(Cli.list(temp)).containsExactly("a-file", "antidote.yml");
    }

    @Test
    void helpListsTheSubcommands() {
        Cli.Result r = Cli.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("synth").contains("plan").contains("validate");
    }
}
