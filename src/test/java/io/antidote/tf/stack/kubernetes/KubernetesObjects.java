package io.antidote.tf.stack.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Kubernetes objects a Kubernetes stack creates, as the API receives them: what terraform-provider-kubernetes
 * 2.12.1 sends for each typed resource (its documented schema: snake_case attributes become the API's camelCase
 * fields, repeated blocks become the API's plural lists, single blocks become objects, numeric int-or-string ports
 * become numbers, a persistent volume's {@code persistent_volume_source} block inlined into its spec, apiVersion and
 * kind from the resource type), and the {@code manifest} of each
 * {@code kubernetes_manifest} as is. Terraform references ({@code ${...}}) stay as strings. No cluster and no provider
 * binary exist on the build machines: this conversion stands for the provider.
 */
final class KubernetesObjects {
    /** One object: the Terraform address that creates it and its API form. */
    record K8sObject(String address, String kind, ObjectNode object) {
        String name() {
            return object.path("metadata").path("name").asText();
        }

        ObjectNode spec() {
            return (ObjectNode) object.path("spec");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String[]> TYPES = Map.of(
            "kubernetes_namespace_v1", new String[] {"v1", "Namespace"},
            "kubernetes_network_policy_v1", new String[] {"networking.k8s.io/v1", "NetworkPolicy"},
            "kubernetes_secret_v1", new String[] {"v1", "Secret"},
            "kubernetes_pod_v1", new String[] {"v1", "Pod"},
            "kubernetes_service_v1", new String[] {"v1", "Service"},
            "kubernetes_ingress_v1", new String[] {"networking.k8s.io/v1", "Ingress"},
            "kubernetes_job_v1", new String[] {"batch/v1", "Job"},
            "kubernetes_persistent_volume_v1", new String[] {"v1", "PersistentVolume"},
            "kubernetes_persistent_volume_claim_v1", new String[] {"v1", "PersistentVolumeClaim"});
    /** Repeated blocks and their API list names (when the block's value is a list). */
    private static final Map<String, String> PLURAL = Map.ofEntries(Map.entry("container", "containers"),
            Map.entry("init_container", "initContainers"), Map.entry("volume", "volumes"),
            Map.entry("volume_mount", "volumeMounts"), Map.entry("sysctl", "sysctls"), Map.entry("rule", "rules"),
            Map.entry("port", "ports"), Map.entry("path", "paths"), Map.entry("image_pull_secrets", "imagePullSecrets"),
            Map.entry("egress", "egress"), Map.entry("ingress", "ingress"), Map.entry("to", "to"),
            Map.entry("env", "env"), Map.entry("tls", "tls"), Map.entry("match_expressions", "matchExpressions"),
            Map.entry("required_during_scheduling_ignored_during_execution",
                    "requiredDuringSchedulingIgnoredDuringExecution"));
    /** Blocks of at most one element: a list of one becomes the object. */
    private static final Set<String> SINGLE = Set.of("label_selector", "spec", "metadata", "template", "affinity",
            "pod_affinity", "security_context", "capabilities", "host_path", "empty_dir", "persistent_volume_claim",
            "value_from", "secret_key_ref", "http", "backend", "service", "pod_selector", "namespace_selector",
            "resources", "claim_ref", "persistent_volume_source", "csi");
    /** Terraform's own arguments of a resource, not part of the object. */
    private static final Set<String> META = Set.of("depends_on", "lifecycle", "timeouts", "wait_for_completion",
            "wait_until_bound", "wait", "provider", "count", "for_each");

    private KubernetesObjects() {
    }

    /** Every object of {@code stackJson}, typed resources and manifests, in the stack's (sorted) order. */
    static List<K8sObject> of(String stackJson) throws Exception {
        JsonNode resources = JSON.readTree(stackJson).path("resource");
        List<K8sObject> objects = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> types = resources.fields(); types.hasNext();) {
            Map.Entry<String, JsonNode> type = types.next();
            for (Iterator<Map.Entry<String, JsonNode>> it = type.getValue().fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> r = it.next();
                String address = type.getKey() + "." + r.getKey();
                if (type.getKey().equals("kubernetes_manifest")) {
                    ObjectNode manifest = (ObjectNode) r.getValue().get("manifest").deepCopy();
                    objects.add(new K8sObject(address, manifest.get("kind").asText(), manifest));
                } else if (TYPES.containsKey(type.getKey())) {
                    objects.add(new K8sObject(address, TYPES.get(type.getKey())[1], typed(type.getKey(), r.getValue())));
                }
            }
        }
        return objects;
    }

    private static ObjectNode typed(String type, JsonNode resource) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("apiVersion", TYPES.get(type)[0]);
        out.put("kind", TYPES.get(type)[1]);
        for (Iterator<Map.Entry<String, JsonNode>> it = resource.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!META.contains(f.getKey())) {
                put(out, f.getKey(), f.getValue(), type);
            }
        }
        return out;
    }

    private static void put(ObjectNode out, String key, JsonNode value, String context) {
        if (value.isArray() && SINGLE.contains(key)) {
            if (value.size() != 1) {
                throw new IllegalArgumentException(context + ": block " + key + " has " + value.size() + " elements");
            }
            value = value.get(0);
        }
        if (key.equals("persistent_volume_source")) {
            // the provider groups a volume's source in this block; the API has its fields in the spec itself
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                put(out, f.getKey(), f.getValue(), context);
            }
            return;
        }
        String name = value.isArray() && PLURAL.containsKey(key) ? PLURAL.get(key) : camel(key);
        out.set(name, convert(key, value, context + "." + key));
    }

    private static JsonNode convert(String key, JsonNode value, String context) {
        if (value.isObject()) {
            if (key.equals("labels") || key.equals("annotations") || key.equals("selector") || key.equals("data")
                    || key.equals("match_labels") || key.equals("requests") || key.equals("limits")
                    || key.equals("capacity") || key.equals("volume_attributes") || key.equals("node_selector")) {
                return value.deepCopy();
            }
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                put(o, f.getKey(), f.getValue(), context);
            }
            return o;
        }
        if (value.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            value.forEach(v -> a.add(convert(key, v, context)));
            return a;
        }
        if ((key.equals("target_port") || (key.equals("port") && context.contains("network_policy")))
                && value.isTextual() && value.asText().matches("\\d+")) {
            return JsonNodeFactory.instance.numberNode(Integer.parseInt(value.asText()));
        }
        return value.deepCopy();
    }

    /** {@code snake_case} to {@code camelCase}. */
    static String camel(String snake) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }

    /** The objects by kind, in order. */
    static Map<String, List<K8sObject>> byKind(List<K8sObject> objects) {
        Map<String, List<K8sObject>> map = new LinkedHashMap<>();
        objects.forEach(o -> map.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o));
        return map;
    }
}
