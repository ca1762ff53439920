package io.antidote.tf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.stack.TerraformCommands;
import io.antidote.tf.testing.Requirements;
import io.antidote.tf.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example lesson with the real terraform: the committed stacks pass init, validate and plan; the plan command
 * reports counts, validation failures and init failures with diagnostics, and leaves no work directory behind.
 */
class ExamplePlanIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path temp;

    @BeforeEach
    void needsTerraformAndTheMirror() {
        Requirements.tool("terraform");
        Requirements.path(Path.of("/opt/tf-plugins/registry.terraform.io/hashicorp/aws"), "the AWS provider mirror");
    }

    @Test
    void everyCommittedExampleStackInitsValidatesAndPlans() throws Exception {
        TerraformCommands tf = TerraformCommands.require();
        for (String lesson : List.of("linux-first-steps", "routed-pair", "web-dashboard")) {
            Path dir = Files.createDirectories(temp.resolve(lesson));
            Files.copy(Path.of("stacks/stacks", lesson, "cdk.tf.json"), dir.resolve("cdk.tf.json"));
            tf.ok(dir, "init", "-input=false", "-no-color");
            tf.ok(dir, "validate", "-no-color");
            TerraformCommands.Result plan = tf.run(dir, "plan", "-input=false", "-no-color", "-lock=false",
                    "-detailed-exitcode");
            assertThat(plan.exitCode()).as(lesson + ": " + plan.stderr()).isEqualTo(2);
        }
    }

    @Test
    void aBrokenLessonIsReportedAndTheOthersStillPlan() throws Exception {
        Path curriculum = TestFiles.copyTree(Cli.EXAMPLE_CURRICULUM, temp.resolve("curriculum"));
        Files.delete(curriculum.resolve("lessons/web-dashboard/stage0/guide.md"));
        Path config = Cli.config(temp);
        List<String> before = planDirs();
        Path md = temp.resolve("report.md");
        Path json = temp.resolve("report.json");
        Cli.Result r = Cli.run("plan", "--config", config.toString(), "--curriculum", curriculum.toString(), "--all",
                "--parallel", "2", "--report-md", md.toString(), "--report-json", json.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.FAILED);
        JsonNode report = JSON.readTree(Files.readString(json));
        assertThat(report.get("stacksTotal").asInt()).isEqualTo(3);
        assertThat(report.get("stacksFailed").asInt()).isEqualTo(1);
        assertThat(report.get("stacks")).anySatisfy(s -> {
            assertThat(s.get("lesson").asText()).isEqualTo("web-dashboard");
            assertThat(s.get("step").asText()).isEqualTo("validation");
            assertThat(s.get("diagnostics").toString()).contains("stage0");
        });
        assertThat(report.get("stacks")).filteredOn(s -> s.get("result").asText().equals("planned"))
                .extracting(s -> s.get("lesson").asText()).containsExactlyInAnyOrder("linux-first-steps", "routed-pair");
        assertThat(report.get("stacks")).filteredOn(s -> s.get("lesson").asText().equals("routed-pair"))
                .allSatisfy(s -> assertThat(s.get("add").asInt()).isGreaterThan(10));
        assertThat(Files.readString(md)).contains("| routed-pair |").contains("❌ failed: validation")
                .contains("<details>");
        assertThat(r.out()).contains("3 stack(s): 2 planned (2 with changes), 1 failed");
        assertThat(r.err()).contains("[3/3]");
        assertThat(planDirs()).as("temporary work directories left").isEqualTo(before);
    }

    @Test
    void theBatchModeReportsWhatThePerStackModeReports() throws Exception {
        String c = Cli.config(temp).toString();
        Cli.Result batch = Cli.run("plan", "--config", c, "--all", "--output", "json");
        Cli.Result perStack = Cli.run("plan", "--config", c, "--all", "--output", "json", "--per-stack");
        assertThat(batch.exitCode()).as(batch.err()).isZero();
        assertThat(perStack.exitCode()).as(perStack.err()).isZero();
        assertThat(rows(batch.out())).isEqualTo(rows(perStack.out())).hasSize(3)
                .allSatisfy(r -> assertThat(r).contains("planned"));
    }

    @Test
    void aPlanTimeErrorFromTheConfigurationFailsOnlyTheLessonsItReaches() throws Exception {
        // the provider rejects this ARN while planning; only lessons with an HTTP presentation have listener rules
        Path config = Cli.config(temp, "listenerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/"
                + "antidote-example/0123456789abcdef/0123456789abcdef", "listenerArn: arn:not-an-arn");
        Path md = temp.resolve("report.md");
        List<String> before = planDirs();
        Cli.Result r = Cli.run("plan", "--config", config.toString(), "--all", "--output", "json", "--parallel", "1",
                "--report-md", md.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.FAILED);
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.get("stacksFailed").asInt()).isEqualTo(2);
        for (String lesson : List.of("routed-pair", "web-dashboard")) {
            assertThat(report.get("stacks")).filteredOn(s -> s.get("lesson").asText().equals(lesson)).singleElement()
                    .satisfies(s -> {
                        assertThat(s.get("step").asText()).isEqualTo("plan");
                        assertThat(s.get("diagnostics").toString()).contains("listener_arn").contains("arn:not-an-arn")
                                .contains("aws_lb_listener_rule.").doesNotContain("module.");
                    });
        }
        assertThat(report.get("stacks")).filteredOn(s -> s.get("lesson").asText().equals("linux-first-steps"))
                .singleElement().satisfies(s -> assertThat(s.get("result").asText()).isEqualTo("planned"));
        assertThat(Files.readString(md)).contains("| linux-first-steps |").contains("❌ failed: plan");
        assertThat(planDirs()).as("temporary work directories left").isEqualTo(before);
    }

    @Test
    void detailedExitcodeIsTwoWhenEveryStackPlansWithChanges() throws Exception {
        Cli.Result r = Cli.run("plan", "--config", Cli.config(temp).toString(), "--lesson", "linux-first-steps",
                "--detailed-exitcode", "--output", "json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.CHANGES);
        assertThat(JSON.readTree(r.out()).at("/stacks/0/add").asInt()).isGreaterThan(5);
    }

    @Test
    void aProviderInitCannotInstallIsOneLineWithTerraformsDiagnostic() throws Exception {
        Path emptyMirror = Files.createDirectories(temp.resolve("empty-mirror"));
        Path cli = Files.writeString(temp.resolve("cli.hcl"), Files.readString(Cli.EXAMPLE_CONFIG
                .resolveSibling("terraformrc.hcl")).replace("/opt/tf-plugins", emptyMirror.toString()));
        Path config = Cli.config(temp, "cliConfigFile: " + Cli.EXAMPLE_CONFIG.resolveSibling("terraformrc.hcl"),
                "cliConfigFile: " + cli, "pluginCacheDir: " + Cli.SHARED_PLUGIN_CACHE,
                "pluginCacheDir: " + temp.resolve("cache"));
        Cli.Result r = Cli.run("plan", "--config", config.toString(), "--all", "--output", "json");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.oneErrorLine()).contains("terraform cannot install the provider hashicorp/aws")
                .contains("Failed to query available provider packages").contains(emptyMirror.toString())
                .contains("no stack was planned");
        assertThat(r.out()).as("every stack would fail the same way: no report").isEmpty();
    }

    /** Each stack of a JSON report as one line: lesson, stack, result, step and counts. */
    static List<String> rows(String jsonReport) throws Exception {
        List<String> rows = new java.util.ArrayList<>();
        for (JsonNode s : JSON.readTree(jsonReport).get("stacks")) {
            rows.add(String.join(" ", s.get("lesson").asText(), s.get("stack").asText(), s.get("result").asText(),
                    s.get("step").asText(), s.get("add").asText(), s.get("change").asText(), s.get("import").asText(),
                    s.get("destroy").asText()));
        }
        return rows;
    }

    static List<String> planDirs() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("antidote-tf-plan-")).sorted().toList();
        }
    }
}
