package io.antidote.tf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.testing.Requirements;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conformance: every runnable lesson of the real NRE Labs curriculum (13; pentesting-automated does not load)
 * synthesizes and plans with the real terraform, offline, through the plan command, with the same counts in the
 * batch mode and in the per-stack mode.
 */
class NrelabsPlanIT {
    static final List<String> RUNNABLE = List.of("ansible-network-automation", "bash-introduction",
            "config-backup-automated", "cumulus-linux-introduction", "git-version-control",
            "jinja-configuration-templates", "jsnapy-network-testing", "linux-basics",
            "napalm-multi-vendor-network-automation", "pyez-junos-automation", "quick-easy-device-inventory",
            "template-generation-device", "yaml-introduction");

    @Test
    void everyRunnableLessonPlansAlikeInBothModes(@TempDir Path temp) throws Exception {
        Requirements.tool("terraform");
        Requirements.path(Path.of("/opt/tf-plugins/registry.terraform.io/hashicorp/aws"), "the AWS provider mirror");
        Path nrelabs = Requirements.sharedCurriculum().toAbsolutePath();
        Path config = Cli.config(temp, "tier: ptr", "tier: local");
        List<String> args = new ArrayList<>(List.of("plan", "--config", config.toString(), "--curriculum",
                nrelabs.toString(), "--output", "json", "--parallel", "2"));
        RUNNABLE.forEach(l -> args.addAll(List.of("--lesson", l)));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.get("stacks")).as(r.out()).allSatisfy(s -> {
            assertThat(s.get("result").asText()).as(s.toString()).isEqualTo("planned");
            assertThat(s.get("add").asInt()).isGreaterThan(5);
        });
        assertThat(report.get("stacksTotal").asInt()).isEqualTo(13);
        assertThat(r.exitCode()).isZero();
        args.add("--per-stack");
        Cli.Result perStack = Cli.run(args.toArray(String[]::new));
        assertThat(perStack.exitCode()).as(perStack.err()).isZero();
        assertThat(ExamplePlanIT.rows(r.out())).isEqualTo(ExamplePlanIT.rows(perStack.out()));
    }
}
