package io.antidote.tf.stack.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.sink.TerraformString;
import io.antidote.tf.stack.StackFixtures;
import io.antidote.tf.stack.StackOutputs;
import io.antidote.tf.stack.StackRequest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DockerStackSynthesizerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AntidoteConfig CONFIG = StackFixtures.config(false, StackFixtures.aws(1));
    private final DockerStackSynthesizer synth = new DockerStackSynthesizer(CONFIG, StackFixtures.buildInfo());

    private JsonNode tree(StackRequest request) throws Exception {
        return JSON.readTree(synth.synth(request).json());
    }

    private static StackRequest network(int stage) {
        return StackFixtures.request(CONFIG, StackFixtures.networkLesson(), stage, "abcde12345");
    }

    @Test
    void theHostResourceTearsDownAtDestroyAndUpAndConfigureRunTheScript() throws Exception {
        JsonNode data = tree(network(1)).at("/resource/terraform_data");
        assertThat(data.fieldNames()).toIterable().containsExactlyInAnyOrder("host", "up", "configure");
        JsonNode down = data.at("/host/provisioner/0/local-exec");
        assertThat(down.get("when").asText()).isEqualTo("destroy");
        assertThat(down.get("command").asText()).isEqualTo("down");
        assertThat(down.get("interpreter").toString())
                .isEqualTo("[\"/bin/bash\",\"-c\",\"eval \\\"$${ANTIDOTE_LESSON_HOST}\\\"\",\"lesson-host\"]");
        assertThat(down.at("/environment/ANTIDOTE_LESSON_PLAN").asText()).isEqualTo("${self.input.plan}");
        assertThat(down.at("/environment/ANTIDOTE_LESSON_HOST").asText()).isEqualTo("${self.input.script}");
        assertThat(data.at("/up/provisioner/0/local-exec/command").asText()).isEqualTo("up");
        assertThat(data.at("/up/provisioner/0/local-exec/environment/ANTIDOTE_LESSON_HOST").asText())
                .isEqualTo("${terraform_data.host.input.script}");
        assertThat(data.at("/up/triggers_replace").asText()).isEqualTo("${terraform_data.host.id}");
        assertThat(data.at("/configure/provisioner/0/local-exec/command").asText()).isEqualTo("1");
        assertThat(data.at("/configure/provisioner/0/local-exec/interpreter/4").asText()).isEqualTo("configure");
        assertThat(data.at("/configure/triggers_replace").toString()).isEqualTo("[\"1\",\"${terraform_data.up.id}\"]");
        assertThat(data.at("/configure/depends_on/0").asText()).isEqualTo("terraform_data.up");
        assertThat(data.has("host") && !data.at("/host").has("triggers_replace")).isTrue();
    }

    @Test
    void withoutConfigurationThereIsNoConfigureResourceAndAStageChangeOnlyReplacesIt() throws Exception {
        JsonNode provision = tree(network(0).withConfigure(false));
        assertThat(provision.at("/resource/terraform_data").has("configure")).isFalse();
        JsonNode s0 = tree(network(0));
        JsonNode s1 = tree(network(1));
        assertThat(s0.at("/resource/terraform_data/host")).isEqualTo(s1.at("/resource/terraform_data/host"))
                .isEqualTo(provision.at("/resource/terraform_data/host"));
        assertThat(s0.at("/resource/terraform_data/up")).isEqualTo(s1.at("/resource/terraform_data/up"));
        assertThat(s0.at("/resource/terraform_data/configure")).isNotEqualTo(s1.at("/resource/terraform_data/configure"));
    }

    @Test
    void eachEndpointHasItsOwnLoopbackAddressInTheOutputsAndThePlan() throws Exception {
        JsonNode t = tree(network(0));
        JsonNode addresses = t.at("/output/" + StackOutputs.ENDPOINT_ADDRESSES + "/value");
        assertThat(addresses.fieldNames()).toIterable().containsExactlyInAnyOrder("vqfx1", "vqfx2", "linux1", "jupyterlabguide");
        Set<String> distinct = new HashSet<>();
        addresses.forEach(a -> distinct.add(a.asText()));
        assertThat(distinct).hasSize(4).allMatch(a -> a.matches("127\\.(1[6-9]|[2-9][0-9]|1[0-9][0-9]|2[0-5][0-9])\\.\\d+\\.[1-4]"));
        String plan = TerraformString.literal(t.at("/resource/terraform_data/host/input/plan").asText());
        assertThat(plan).contains("EP_ADDR=('" + addresses.get("vqfx1").asText() + "' '" + addresses.get("vqfx2").asText());
        assertThat(t.at("/output/http_routes/value").size()).isZero();
        assertThat(t.at("/output/zone_id/value").asText()).isEmpty();
        assertThat(t.at("/output/host_id/value").asText()).isEqualTo("${terraform_data.host.id}");
    }

    @Test
    void thePlanPointsAtTheLessonOnThisMachineAndTheSecretsStoreNeverAtAPassword() throws Exception {
        String json = synth.synth(network(1)).json();
        String plan = JSON.readTree(json).at("/resource/terraform_data/host/input/plan").asText();
        assertThat(plan).contains("LL_LESSON_SRC='" + CONFIG.curriculumDir().toAbsolutePath().normalize()
                .resolve("lessons/network-lab") + "'\n");
        assertThat(plan).contains("LL_SECRETS_DIR='/var/lib/antidote-tf/secrets/ptr'\n",
                "LL_STATE_DIR='/var/lib/antidote-tf/livelessons/ptr-abcde12345'\n",
                "LL_CONFIGURATOR='antidotelabs/configurator:v9.9.9'\n");
        assertThat(json).doesNotContain(StackFixtures.VQFX_PASSWORD, StackFixtures.UTILITY_PASSWORD, "antidotepassword");
    }

    @Test
    void identicalRequestsGiveIdenticalBytes() {
        assertThat(synth.synth(network(1)).json()).isEqualTo(synth.synth(network(1)).json());
    }

    @Test
    void loopbackAddressesStayOutOfTheCommonlyUsedLowBlocks() {
        for (int i = 0; i < 2000; i++) {
            String a = LoopbackAddresses.of("inst-" + i, 0);
            int second = Integer.parseInt(a.split("\\.")[1]);
            assertThat(second).isBetween(16, 255);
            assertThat(a).endsWith(".1");
        }
        assertThat(LoopbackAddresses.of("x", 253)).endsWith(".254");
    }
}
