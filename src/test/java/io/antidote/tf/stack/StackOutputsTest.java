package io.antidote.tf.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class StackOutputsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsTerraformOutputJsonAndItsRoutingClaims() throws Exception {
        String text = """
                {"endpoint_addresses":{"sensitive":false,"type":["map","string"],"value":{"vqfx1":"10.40.0.11","linux1":"10.40.0.12"}},
                 "stage":{"sensitive":false,"type":"string","value":"2"},
                 "http_routes":{"sensitive":false,"type":["map","string"],"value":{"linux1/web":"1:4242"}},
                 "host_id":{"sensitive":false,"type":"string","value":"i-0123"},
                 "zone_id":{"sensitive":false,"type":"string","value":"Z123"}}""";
        StackOutputs out = StackOutputs.fromTerraformOutputJson("ptr-a", JSON.readTree(text));
        assertThat(out.endpointAddresses()).containsEntry("vqfx1", "10.40.0.11").hasSize(2);
        assertThat(out.stage()).isEqualTo(2);
        assertThat(out.hostId()).isEqualTo("i-0123");
        assertThat(out.routingClaims("ptr-a")).containsExactly(new RoutingClaim("ptr-a", "linux1/web", 1, 4242));
    }

    @Test
    void aMissingOutputIsNamed() throws Exception {
        assertThatThrownBy(() -> StackOutputs.fromTerraformOutputJson("ptr-a", JSON.readTree("{\"stage\":{\"value\":\"1\"}}")))
                .isInstanceOf(StackException.class).hasMessageContaining("ptr-a").hasMessageContaining("endpoint_addresses");
    }
}
