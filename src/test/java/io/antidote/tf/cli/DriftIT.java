package io.antidote.tf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antidote.tf.testing.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code antidote-tf drift} with the real terraform on the local target: a READY livelesson is in sync; after its
 * state no longer matches what its stack computes (its {@code stage} output changed behind terraform's back, as an
 * operator's hand or another tool would), the refresh-only plan reports it, in text, JSON and Markdown, with exit 2
 * under {@code --detailed-exitcode}; nothing is changed by the check.
 */
class DriftIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aReadyLivelessonIsInSyncThenItsDriftIsReportedAndNothingIsChanged() throws Exception {
        Requirements.tool("terraform");
        try (CliLab lab = new CliLab()) {
            Path config = lab.config();
            CliLab.Run up = CliLab.run(lab.args("up", config, "--lesson", "lab", "--output", "json"));
            assertThat(up.exit()).as(up.err()).isZero();
            String id = JSON.readTree(up.out()).path("id").asText();

            CliLab.Run clean = CliLab.run(lab.args("drift", config, "--detailed-exitcode"));
            assertThat(clean.exit()).as(clean.err()).isZero();
            assertThat(clean.out()).contains("in sync").contains("1 stack(s): 1 checked (0 drifted), 0 failed");

            Path state = lab.stackDir(id).resolve("terraform.tfstate");
            ObjectNode tree = (ObjectNode) JSON.readTree(state.toFile());
            ((ObjectNode) tree.path("outputs").path("stage")).put("value", "7");
            tree.put("serial", tree.path("serial").asInt() + 1);
            Files.writeString(state, JSON.writeValueAsString(tree));
            String before = Files.readString(state);

            Path md = lab.temp.resolve("drift.md");
            Path js = lab.temp.resolve("drift.json");
            CliLab.Run drifted = CliLab.run(lab.args("drift", config, "--detailed-exitcode", "--report-md",
                    md.toString(), "--report-json", js.toString()));
            assertThat(drifted.exit()).as(drifted.err()).isEqualTo(2);
            assertThat(drifted.out()).contains("drifted").contains("output stage: update")
                    .contains("1 stack(s): 1 checked (1 drifted), 0 failed");
            JsonNode report = JSON.readTree(js.toFile());
            assertThat(report.path("kind").asText()).isEqualTo("drift");
            assertThat(report.path("stacks").get(0).path("result").asText()).isEqualTo("drifted");
            assertThat(report.path("stacks").get(0).path("diagnostics").get(0).asText())
                    .isEqualTo("output stage: update");
            assertThat(Files.readString(md)).startsWith("### antidote-tf drift check").contains("⚠️ drifted");
            assertThat(Files.readString(state)).as("the check changed no state").isEqualTo(before);
            try (var files = Files.list(lab.stackDir(id))) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("tfplan-"));
            }
            assertThat(CliLab.run(lab.args("down", config, id)).exit()).isZero();
            lab.assertNothingLeft();
        }
    }
}
