package io.antidote.tf.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antidote.tf.testing.Requirements;
import io.opentracing.mock.MockSpan;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The full init/plan/apply/output/destroy cycle with the real terraform and built-in resources only. */
class TerraformCycleIT {
    static final String STACK = RunnerFixture.json("{'variable':{'greeting':{'type':'string','default':'hello'}},"
            + "'resource':{'terraform_data':{'a':{'input':'${var.greeting}'},"
            + "'b':{'input':'b','triggers_replace':['${terraform_data.a.id}']}}},"
            + "'output':{'greeting':{'value':'${terraform_data.a.output}'},"
            + "'secret':{'value':'s3cr3t-VALUE-42','sensitive':true},'m':{'value':{'k':'v'}}}}");
    RunnerFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        Requirements.tool("terraform");
        fx = new RunnerFixture();
    }

    @AfterEach
    void nothingLeft() throws Exception {
        fx.assertNothingLeft();
    }

    @Test
    void fullCycleWithSummaryOutputsRedactionAndNoopDestroy() throws Exception {
        Terraform tf = fx.open(RunnerFixture.config("terraform", fx.workDir, 2, null, 120, 5, 60));
        assertThat(tf.version().supported()).isTrue();
        Workspace ws = tf.workspaces().open(new StackId("inst", "ll1"));
        assertThat(Files.getPosixFilePermissions(ws.dir())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(tf.destroy(ws, null).noop()).as("destroy with no state is a no-op").isTrue();
        ws.writeStack(STACK);
        tf.init(ws, null);

        SavedPlan plan = tf.plan(ws, null);
        assertThat(plan.summary()).isEqualTo(new PlanSummary(2, 0, 0, 0, "plan"));
        ApplyResult applied = tf.apply(plan, null);
        assertThat(applied.summary().add()).isEqualTo(2);
        assertThat(applied.timings()).containsOnlyKeys("terraform_data.a", "terraform_data.b");
        assertThat(Files.exists(plan.file())).isFalse();
        assertThatThrownBy(() -> tf.apply(plan, null)).isInstanceOf(IllegalStateException.class);

        Map<String, OutputValue> outputs = tf.outputs(ws, null);
        assertThat(outputs.get("greeting").asText()).isEqualTo("hello");
        assertThat(outputs.get("m").value().get("k").asText()).isEqualTo("v");
        assertThat(outputs.get("secret").sensitive()).isTrue();
        assertThat(outputs.get("secret").asText()).isEqualTo("s3cr3t-VALUE-42");
        assertThat(outputs.toString()).doesNotContain("s3cr3t").contains("hello");
        assertThat(String.valueOf(fx.tracer.finishedSpans().stream().map(MockSpan::logEntries).toList()))
                .doesNotContain("s3cr3t");
        assertThat(Files.readString(ws.logsDir().resolve("apply.log"))).doesNotContain("s3cr3t");

        SavedPlan again = tf.plan(ws, null);
        assertThat(again.summary().hasChanges()).as("second plan: exit 0, no changes").isFalse();
        tf.apply(again, null);
        assertThat(tf.stateResources(ws, null)).containsExactlyInAnyOrder("terraform_data.a", "terraform_data.b");

        ApplyResult destroyed = tf.destroy(ws, null);
        assertThat(destroyed.noop()).isFalse();
        assertThat(destroyed.summary().remove()).isEqualTo(2);
        assertThat(tf.stateResources(ws, null)).isEmpty();
        assertThat(tf.destroy(ws, null).noop()).as("destroy of an empty state is a no-op").isTrue();

        assertThat(fx.tracer.finishedSpans()).extracting(MockSpan::operationName)
                .contains("terraform.version", "terraform.init", "terraform.plan", "terraform.apply",
                        "terraform.output", "terraform.destroy");
        MockSpan apply = fx.tracer.finishedSpans().stream().filter(s -> s.operationName().equals("terraform.apply"))
                .findFirst().orElseThrow();
        assertThat(apply.logEntries()).anySatisfy(e -> {
            assertThat(e.fields().get("event")).isEqualTo("terraform.apply_complete");
            assertThat(e.fields()).containsKey("elapsed_seconds");
        });
        tf.workspaces().remove(ws);
        assertThat(ws.dir()).doesNotExist();
    }
}
