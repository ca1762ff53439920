package io.antidote.tf.backend.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import io.antidote.tf.stack.RoutingClaim;
import io.antidote.tf.stack.StackOutputs;
import io.antidote.tf.terraform.OutputValue;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a stack's {@code terraform output} into {@link StackOutputs}, checking every output of the contract: present,
 * of the right shape, and (for routes) well-formed claims. A violation is a {@link StackContractException} naming the
 * output and what is wrong, never quoting a sensitive value.
 */
final class ContractOutputs {
    private static final Pattern ROUTE = Pattern.compile("\\d{1,9}:\\d{1,5}");

    private ContractOutputs() {
    }

    static StackOutputs read(String stack, Map<String, OutputValue> outputs) {
        for (String name : StackOutputs.NAMES) {
            if (!outputs.containsKey(name) || outputs.get(name).value() == null
                    || outputs.get(name).value().isNull()) {
                throw new StackContractException(stack, name, "is missing (outputs: " + outputs.keySet() + ")");
            }
        }
        Map<String, String> addresses = stringMap(stack, StackOutputs.ENDPOINT_ADDRESSES, outputs);
        addresses.forEach((ep, address) -> {
            if (address.isBlank()) {
                throw new StackContractException(stack, StackOutputs.ENDPOINT_ADDRESSES, "has no address for " + ep);
            }
        });
        String stageText = text(stack, StackOutputs.STAGE, outputs);
        if (!stageText.matches("\\d{1,6}")) {
            throw new StackContractException(stack, StackOutputs.STAGE, "is not a stage number"
                    + (outputs.get(StackOutputs.STAGE).sensitive() ? "" : " ('" + stageText + "')"));
        }
        Map<String, String> routes = stringMap(stack, StackOutputs.HTTP_ROUTES, outputs);
        routes.forEach((route, claim) -> {
            if (!ROUTE.matcher(claim).matches()) {
                throw new StackContractException(stack, StackOutputs.HTTP_ROUTES, "has '" + claim + "' for " + route
                        + ", not <listener>:<priority>");
            }
        });
        StackOutputs read = new StackOutputs(addresses, Integer.parseInt(stageText), routes,
                text(stack, StackOutputs.HOST_ID, outputs), text(stack, StackOutputs.ZONE_ID, outputs));
        try {
            read.routingClaims(stack).forEach(RoutingClaim::value);
        } catch (IllegalArgumentException e) {
            throw new StackContractException(stack, StackOutputs.HTTP_ROUTES, "holds a claim out of range: "
                    + e.getMessage());
        }
        return read;
    }

    private static String text(String stack, String name, Map<String, OutputValue> outputs) {
        JsonNode v = outputs.get(name).value();
        if (!v.isValueNode()) {
            throw new StackContractException(stack, name, "is a " + v.getNodeType() + ", not a string");
        }
        return v.asText();
    }

    private static Map<String, String> stringMap(String stack, String name, Map<String, OutputValue> outputs) {
        JsonNode v = outputs.get(name).value();
        if (!v.isObject()) {
            throw new StackContractException(stack, name, "is a " + v.getNodeType() + ", not a map of strings");
        }
        Map<String, String> map = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new StackContractException(stack, name, "has a " + e.getValue().getNodeType() + " for "
                        + e.getKey() + ", not a string");
            }
            map.put(e.getKey(), e.getValue().asText());
        }
        return map;
    }
}
