package io.antidote.tf.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The OUTPUT CONTRACT every stack target satisfies (AWS, and the local {@code terraform_data} target), and its
 * values read back from {@code terraform output -json}.
 *
 * @param endpointAddresses endpoint name -> the address the scheduler reaches all its ports at
 * @param stage the stage whose configuration the last apply ran
 * @param httpRoutes {@code <endpoint>/<presentation>} -> {@code <listener>:<priority>}
 * @param hostId the machine running the endpoints
 * @param zoneId the livelesson's DNS zone (may be empty)
 */
public record StackOutputs(Map<String, String> endpointAddresses, int stage, Map<String, String> httpRoutes,
        String hostId, String zoneId) {
    /** map(string): endpoint name -> address. */
    public static final String ENDPOINT_ADDRESSES = "endpoint_addresses";
    /** string: the configured stage. */
    public static final String STAGE = "stage";
    /** map(string): {@code <endpoint>/<presentation>} -> {@code <listener>:<priority>}. */
    public static final String HTTP_ROUTES = "http_routes";
    /** string: the host's ID. */
    public static final String HOST_ID = "host_id";
    /** string: the DNS zone's ID. */
    public static final String ZONE_ID = "zone_id";
    /** Every output name of the contract. */
    public static final List<String> NAMES = List.of(ENDPOINT_ADDRESSES, STAGE, HTTP_ROUTES, HOST_ID, ZONE_ID);

    public StackOutputs {
        endpointAddresses = Collections.unmodifiableMap(new TreeMap<>(endpointAddresses));
        httpRoutes = Collections.unmodifiableMap(new TreeMap<>(httpRoutes));
        Objects.requireNonNull(hostId, "hostId");
        zoneId = zoneId == null ? "" : zoneId;
    }

    /** Reads the JSON of {@code terraform output -json}; a missing contract output is an error naming it. */
    public static StackOutputs fromTerraformOutputJson(String stackName, JsonNode outputs) {
        for (String name : NAMES) {
            if (!outputs.has(name) || !outputs.get(name).has("value")) {
                throw new StackException(stackName, "output " + name + " is missing (outputs: " + fieldNames(outputs) + ")");
            }
        }
        return new StackOutputs(stringMap(outputs.get(ENDPOINT_ADDRESSES).get("value")),
                Integer.parseInt(outputs.get(STAGE).get("value").asText()),
                stringMap(outputs.get(HTTP_ROUTES).get("value")),
                outputs.get(HOST_ID).get("value").asText(), outputs.get(ZONE_ID).get("value").asText());
    }

    /** The routing claims of livelesson {@code uullid} held in {@link #httpRoutes}. */
    public List<RoutingClaim> routingClaims(String uullid) {
        List<RoutingClaim> claims = new ArrayList<>();
        httpRoutes.forEach((route, value) -> {
            String[] parts = value.split(":", 2);
            claims.add(new RoutingClaim(uullid, route, Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
        });
        return claims;
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new TreeMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
