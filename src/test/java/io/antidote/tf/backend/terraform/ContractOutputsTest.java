package io.antidote.tf.backend.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.stack.StackOutputs;
import io.antidote.tf.terraform.OutputValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Outputs that break the contract are errors naming the output; good ones read back. */
class ContractOutputsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, OutputValue> outputs(String stage, String routes) throws Exception {
        Map<String, OutputValue> m = new LinkedHashMap<>();
        m.put(StackOutputs.ENDPOINT_ADDRESSES, value("{\"a\":\"127.0.0.1\"}"));
        m.put(StackOutputs.STAGE, value(stage));
        m.put(StackOutputs.HTTP_ROUTES, value(routes));
        m.put(StackOutputs.HOST_ID, value("\"h-1\""));
        m.put(StackOutputs.ZONE_ID, value("\"\""));
        return m;
    }

    private static OutputValue value(String json) throws Exception {
        JsonNode v = JSON.readTree(json);
        return new OutputValue(false, JSON.getNodeFactory().textNode("x"), v);
    }

    @Test
    void goodOutputsReadBack() throws Exception {
        StackOutputs o = ContractOutputs.read("i-l", outputs("\"2\"", "{\"a/web\":\"0:5\"}"));
        assertThat(o.stage()).isEqualTo(2);
        assertThat(o.endpointAddresses()).containsEntry("a", "127.0.0.1");
        assertThat(o.routingClaims("i-l")).singleElement().satisfies(c -> assertThat(c.priority()).isEqualTo(5));
    }

    @Test
    void eachViolationNamesItsOutput() throws Exception {
        Map<String, OutputValue> missing = outputs("\"1\"", "{}");
        missing.remove(StackOutputs.ZONE_ID);
        assertThatThrownBy(() -> ContractOutputs.read("i-l", missing)).isInstanceOf(StackContractException.class)
                .hasMessageContaining("output zone_id is missing");
        assertThatThrownBy(() -> ContractOutputs.read("i-l", outputs("\"two\"", "{}")))
                .hasMessageContaining("output stage is not a stage number ('two')");
        assertThatThrownBy(() -> ContractOutputs.read("i-l", outputs("\"1\"", "[\"0:1\"]")))
                .hasMessageContaining("output http_routes is a ARRAY");
        assertThatThrownBy(() -> ContractOutputs.read("i-l", outputs("\"1\"", "{\"a/web\":\"first\"}")))
                .hasMessageContaining("output http_routes has 'first' for a/web");
        assertThatThrownBy(() -> ContractOutputs.read("i-l", outputs("\"1\"", "{\"a/web\":\"0:60000\"}")))
                .hasMessageContaining("output http_routes holds a claim out of range");
        Map<String, OutputValue> badAddress = outputs("\"1\"", "{}");
        badAddress.put(StackOutputs.ENDPOINT_ADDRESSES, value("{\"a\":3}"));
        assertThatThrownBy(() -> ContractOutputs.read("i-l", badAddress))
                .hasMessageContaining("output endpoint_addresses has a NUMBER for a");
    }
}
