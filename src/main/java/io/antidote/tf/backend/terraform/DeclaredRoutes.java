package io.antidote.tf.backend.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.stack.RoutingClaim;
import io.antidote.tf.stack.StackOutputs;
import io.antidote.tf.stack.SynthesizedStack;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The routing claims a synthesized stack declares: its {@code http_routes} output when that is a literal map (both
 * targets write it so). Reserved in the registry before the apply, so that two livelessons created at once never
 * pick the same priority; a value that is not literal declares nothing.
 */
final class DeclaredRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeclaredRoutes() {
    }

    static List<RoutingClaim> of(SynthesizedStack stack) {
        JsonNode value;
        try {
            value = JSON.readTree(stack.json()).path("output").path(StackOutputs.HTTP_ROUTES).path("value");
        } catch (IOException e) {
            return List.of();
        }
        List<RoutingClaim> claims = new ArrayList<>();
        if (!value.isObject()) {
            return claims;
        }
        value.fields().forEachRemaining(e -> {
            String[] parts = e.getValue().asText().split(":", 2);
            if (parts.length == 2 && parts[0].matches("\\d{1,9}") && parts[1].matches("\\d{1,5}")) {
                try {
                    claims.add(new RoutingClaim(stack.name(), e.getKey(), Integer.parseInt(parts[0]),
                            Integer.parseInt(parts[1])));
                } catch (IllegalArgumentException ignored) {
                    // out of range: the outputs check reports it after the apply
                }
            }
        });
        return claims;
    }
}
