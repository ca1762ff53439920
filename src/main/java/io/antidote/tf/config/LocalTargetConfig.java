package io.antidote.tf.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code backendConfigs.terraform.local}: the local target (built-in {@code terraform_data} resources only, for
 * tests and demonstrations). Every endpoint is "at" {@code address}; nothing is started, so whatever listens on the
 * endpoints' ports there is what readiness sees.
 *
 * @param address the loopback address every endpoint gets (default {@code 127.0.0.1})
 * @param hooks image slug -> a shell command run (local-exec, in the stack's directory) when an endpoint of that
 *        image is created; none by default. Lets tests inject faults by real mechanisms ({@code exit 1},
 *        {@code sleep 30}, printing junk)
 */
public record LocalTargetConfig(
        @JsonProperty("address") String address,
        @JsonProperty("hooks") Map<String, String> hooks) {

    public LocalTargetConfig {
        address = Checks.orDefault(address, "127.0.0.1");
        if (!address.equals("localhost") && !address.startsWith("127.") && !address.equals("::1")) {
            throw Checks.invalid("backendConfigs.terraform.local.address", "'" + address
                    + "' is not a loopback address (127.x.x.x, ::1 or localhost)");
        }
        hooks = java.util.Collections.unmodifiableMap(new TreeMap<>(hooks == null ? Map.of() : hooks));
        for (Map.Entry<String, String> e : hooks.entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                throw Checks.invalid("backendConfigs.terraform.local.hooks." + e.getKey(), "is an empty command");
            }
        }
    }

    public static LocalTargetConfig defaults() {
        return new LocalTargetConfig(null, null);
    }
}
