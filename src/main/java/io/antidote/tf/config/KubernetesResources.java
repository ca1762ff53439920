package io.antidote.tf.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An entry of {@code backendConfigs.terraform.kubernetes.resources}: the requests and limits of an image's
 * containers, resource name ({@code cpu}, {@code memory}, {@code ephemeral-storage}, ...) -> quantity
 * ({@code 500m}, {@code 2Gi}).
 */
public record KubernetesResources(
        @JsonProperty("requests") Map<String, String> requests,
        @JsonProperty("limits") Map<String, String> limits) {

    /** A Kubernetes resource name: an optional DNS prefix and a name ({@code cpu}, {@code nvidia.com/gpu}). */
    private static final Pattern NAME = Pattern.compile("([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    /** A Kubernetes quantity: a decimal number with an optional binary, decimal or exponent suffix. */
    private static final Pattern QUANTITY = Pattern.compile("(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+|[numkMGTPE]|[KMGTPE]i)?");

    public KubernetesResources {
        requests = checked("requests", requests);
        limits = checked("limits", limits);
    }

    public static KubernetesResources none() {
        return new KubernetesResources(null, null);
    }

    public boolean isEmpty() {
        return requests.isEmpty() && limits.isEmpty();
    }

    /** {@code value} trimmed, or an error naming {@code key} when it is not a Kubernetes quantity. */
    static String quantity(String key, String value) {
        String q = value == null ? "" : value.trim();
        if (!QUANTITY.matcher(q).matches()) {
            throw Checks.invalid(key, "'" + q + "' is not a quantity (such as 500m, 1.5, 2Gi)");
        }
        return q;
    }

    private static Map<String, String> checked(String what, Map<String, String> values) {
        Map<String, String> out = new TreeMap<>();
        if (values != null) {
            values.forEach((name, quantity) -> {
                String key = KubernetesConfig.P + "resources.<image>." + what + "." + name;
                if (!NAME.matcher(name).matches() || name.length() > 253) {
                    throw Checks.invalid(key, "'" + name + "' is not a resource name (cpu, memory, ...)");
                }
                out.put(name, quantity(key, quantity));
            });
        }
        return Collections.unmodifiableMap(out);
    }
}
