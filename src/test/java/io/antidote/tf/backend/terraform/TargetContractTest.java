package io.antidote.tf.backend.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.LocalTargetConfig;
import io.antidote.tf.stack.RoutingClaim;
import io.antidote.tf.stack.StackFixtures;
import io.antidote.tf.stack.StackOutputs;
import io.antidote.tf.stack.StackRequest;
import io.antidote.tf.stack.SynthesizedStack;
import io.antidote.tf.stack.aws.AwsStackSynthesizer;
import io.antidote.tf.stack.local.LocalStackSynthesizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Both targets declare every output of the contract, and both honour {@link StackRequest#configure()}: without it,
 * no configuration resource (AWS: no SSM association; local: no configure_ resource), the same outputs.
 */
class TargetContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode tree(SynthesizedStack s) throws Exception {
        return JSON.readTree(s.json());
    }

    @Test
    void theAwsTargetDeclaresTheContractAndOmitsTheAssociationWithoutConfiguration() throws Exception {
        AntidoteConfig config = StackFixtures.config(false, StackFixtures.aws(1));
        try (AwsStackSynthesizer aws = new AwsStackSynthesizer(config, StackFixtures.buildInfo())) {
            StackRequest request = StackFixtures.request(config, StackFixtures.networkLesson(), 1, "abcde12345");
            JsonNode configured = tree(aws.synth(request));
            JsonNode bare = tree(aws.synth(request.withConfigure(false)));
            for (JsonNode t : List.of(configured, bare)) {
                assertThat(t.path("output").fieldNames()).toIterable().containsAll(StackOutputs.NAMES);
                assertThat(t.path("resource").has("aws_instance")).isTrue();
            }
            assertThat(configured.path("resource").path("aws_ssm_association").size()).isEqualTo(1);
            assertThat(bare.path("resource").has("aws_ssm_association")).isFalse();
            assertThat(bare.path("resource").path("aws_instance")).isEqualTo(configured.path("resource")
                    .path("aws_instance"));
        }
    }

    @Test
    void theLocalTargetDeclaresTheContractIsDeterministicAndOmitsConfigurationWithoutIt() throws Exception {
        AntidoteConfig config = StackFixtures.config(false, StackFixtures.aws(1));
        LocalStackSynthesizer local = new LocalStackSynthesizer(new LocalTargetConfig("127.0.0.1",
                Map.of("vqfx", "exit 1")));
        StackRequest request = StackFixtures.request(config, StackFixtures.networkLesson(), 1, "abcde12345");
        SynthesizedStack first = local.synth(request);
        assertThat(local.synth(request).json()).isEqualTo(first.json());
        JsonNode configured = tree(first);
        JsonNode bare = tree(local.synth(request.withConfigure(false)));
        for (JsonNode t : List.of(configured, bare)) {
            assertThat(t.path("output").fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(
                    StackOutputs.NAMES);
        }
        JsonNode data = configured.path("resource").path("terraform_data");
        assertThat(data.fieldNames()).toIterable().contains("host", "endpoint_vqfx1", "endpoint_vqfx2",
                "endpoint_linux1", "endpoint_jupyterlabguide", "configure_vqfx1", "configure_vqfx2",
                "configure_linux1").doesNotContain("configure_jupyterlabguide");
        assertThat(bare.path("resource").path("terraform_data").fieldNames()).toIterable()
                .noneMatch(n -> n.startsWith("configure_"));
        assertThat(data.path("configure_vqfx1").path("triggers_replace").asText()).isEqualTo("1");
        assertThat(data.path("endpoint_vqfx1").path("provisioner").toString()).contains("exit 1");
        assertThat(data.path("endpoint_linux1").has("provisioner")).isFalse();
        assertThat(data.path("endpoint_vqfx2").path("depends_on").get(0).asText())
                .isEqualTo("terraform_data.endpoint_vqfx1");
        assertThat(configured.path("output").path("http_routes").path("value"))
                .hasSize(3).allSatisfy(v -> assertThat(v.asText()).matches("0:\\d+"));
        assertThat(first.json()).doesNotContain(StackFixtures.VQFX_PASSWORD, "antidotepassword");
    }

    @Test
    void localPrioritiesAvoidOtherClaimsAndKeepTheirOwn() throws Exception {
        AntidoteConfig config = StackFixtures.config(false, StackFixtures.aws(1));
        StackRequest plain = StackFixtures.request(config, StackFixtures.networkLesson(), 0, "abcde12345");
        String self = plain.stackName();
        List<RoutingClaim> claims = List.of(new RoutingClaim("ptr-other", "x/web", 0, 1),
                new RoutingClaim("ptr-other", "x/web2", 0, 3), new RoutingClaim(self, "linux1/grafana", 0, 7));
        StackRequest request = new StackRequest(plain.liveLesson(), plain.lesson(), plain.images(), claims);
        JsonNode routes = tree(new LocalStackSynthesizer(new LocalTargetConfig(null, null)).synth(request))
                .path("output").path("http_routes").path("value");
        assertThat(routes.path("linux1/grafana").asText()).isEqualTo("0:7");
        assertThat(routes.path("linux1/web").asText()).isEqualTo("0:2");
        assertThat(routes.path("jupyterlabguide/web").asText()).isEqualTo("0:4");
    }
}
