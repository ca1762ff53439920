package io.antidote.tf.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.terraform.PlanSummary;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exit codes and the three renderings of a plan report. */
class PlanReportTest {
    static final StackOutcome NOOP = StackOutcome.planned("quiet", "i-aaa", PlanSummary.none("plan"), Duration.ofSeconds(1));
    static final StackOutcome CHANGES = StackOutcome.planned("busy", "i-bbb", new PlanSummary(12, 1, 0, 2, "plan"),
            Duration.ofSeconds(2));
    static final StackOutcome BROKEN = StackOutcome.failed("bad|lesson", "i-ccc", StackOutcome.Step.PLAN,
            "terraform plan failed", List.of("error: Invalid <name> [aws_lb_target_group.x]\n  too long ```"),
            Duration.ofSeconds(3));

    @Test
    void exitCodesFollowTerraformsDetailedExitcode() {
        assertThat(report(NOOP).exitCode(false)).isZero();
        assertThat(report(NOOP).exitCode(true)).isZero();
        assertThat(report(NOOP, CHANGES).exitCode(false)).isZero();
        assertThat(report(NOOP, CHANGES).exitCode(true)).isEqualTo(2);
        assertThat(report(CHANGES, BROKEN).exitCode(true)).isEqualTo(1);
        assertThat(report(BROKEN).exitCode(false)).isEqualTo(1);
    }

    @Test
    void markdownHasARowPerStackAndTheFailuresDiagnosticsInADetailsBlock() {
        String md = MarkdownReport.render(report(CHANGES, BROKEN));
        assertThat(md).startsWith(MarkdownReport.TITLE).contains("❌ 2 stack(s): 1 planned (1 with changes), 1 failed")
                .contains("| busy | `i-bbb` | ✅ planned | 12 | 1 | 2 |")
                .contains("| bad\\|lesson | `i-ccc` | ❌ failed: plan |  |  |  |")
                .contains("<details><summary>bad|lesson: failed: plan</summary>")
                .contains("```\nerror: Invalid <name> [aws_lb_target_group.x]").doesNotContain("too long ```").contains("too long '''");
        assertThat(MarkdownReport.render(report(NOOP))).contains("✅ 1 stack(s)").doesNotContain("<details>");
    }

    @Test
    void jsonCarriesCountsOrTheErrorPerStack() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(report(CHANGES, BROKEN)));
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("stacksFailed").asInt()).isEqualTo(1);
        assertThat(json.at("/stacks/0/add").asInt()).isEqualTo(12);
        assertThat(json.at("/stacks/0/destroy").asInt()).isEqualTo(2);
        assertThat(json.at("/stacks/1/add").isNull()).isTrue();
        assertThat(json.at("/stacks/1/step").asText()).isEqualTo("plan");
        assertThat(json.at("/stacks/1/diagnostics/0").asText()).startsWith("error: Invalid <name>");
    }

    @Test
    void textListsEveryStackAndIndentsDiagnostics() {
        String text = TextReport.render(report(NOOP, BROKEN));
        assertThat(text.lines().toList()).hasSize(1 + 2 + 1 + 2 + 1);
        assertThat(text).contains("quiet").contains("0/0/0").contains("    terraform plan failed")
                .endsWith("2 stack(s): 1 planned (0 with changes), 1 failed\n");
    }

    private static PlanReport report(StackOutcome... outcomes) {
        return new PlanReport(List.of(outcomes), "1.11.4", Duration.ofSeconds(5));
    }
}
