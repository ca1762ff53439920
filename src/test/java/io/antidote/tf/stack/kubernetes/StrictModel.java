package io.antidote.tf.stack.kubernetes;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The independent check of an object against the Kubernetes API's model (fabric8 kubernetes-model 8.0.0): it must
 * deserialize into the kind's class with no property the model does not know (fabric8 keeps unknown properties in
 * {@code additionalProperties}, so every one of them, at any depth, must be empty), with the API version the class
 * declares, and serialize back to the same JSON (so no field changed type or meaning on the way; int-or-string
 * ports and quantities are written in the API's scalar forms, as the fabric8 client does). The
 * NetworkAttachmentDefinition is a CRD without a model class here: its fields are checked against the CRD's schema
 * (metadata and a {@code spec.config} string holding CNI JSON) by hand.
 */
final class StrictModel {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .registerModule(new SimpleModule("api-scalars")
                    .addSerializer(IntOrString.class, new StdSerializer<>(IntOrString.class) {
                        @Override
                        public void serialize(IntOrString v, JsonGenerator g, SerializerProvider p) throws IOException {
                            g.writeObject(v.getValue());
                        }
                    })
                    .addSerializer(Quantity.class, new StdSerializer<>(Quantity.class) {
                        @Override
                        public void serialize(Quantity v, JsonGenerator g, SerializerProvider p) throws IOException {
                            g.writeString(v.toString());
                        }
                    }));
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("Namespace", Namespace.class,
            "NetworkPolicy", NetworkPolicy.class, "Secret", Secret.class, "Pod", Pod.class, "Service", Service.class,
            "Ingress", Ingress.class, "Job", Job.class, "PersistentVolume", PersistentVolume.class,
            "PersistentVolumeClaim", PersistentVolumeClaim.class);
    private static final Set<String> NAD_TOP = Set.of("apiVersion", "kind", "metadata", "spec");
    private static final Set<String> NAD_METADATA = Set.of("name", "namespace", "labels", "annotations");

    private StrictModel() {
    }

    /** The model object of {@code o}; fails naming the object and the first problem. */
    static Object check(KubernetesObjects.K8sObject o) throws Exception {
        if (o.kind().equals("NetworkAttachmentDefinition")) {
            checkNad(o);
            return o.object();
        }
        Class<? extends HasMetadata> type = KINDS.get(o.kind());
        if (type == null) {
            throw new AssertionError(o.address() + ": kind " + o.kind() + " is not one this target creates");
        }
        HasMetadata model = JSON.treeToValue(o.object(), type);
        String expected = HasMetadata.getApiVersion(type);
        if (!expected.equals(model.getApiVersion())) {
            throw new AssertionError(o.address() + ": apiVersion " + model.getApiVersion() + ", the model's is " + expected);
        }
        List<String> unknown = new ArrayList<>();
        unknownProperties(model, o.kind(), unknown, new IdentityHashMap<>());
        if (!unknown.isEmpty()) {
            throw new AssertionError(o.address() + ": properties the Kubernetes model does not know: " + unknown);
        }
        JsonNode back = JSON.valueToTree(model);
        if (!normalized(back).equals(normalized(o.object()))) {
            throw new AssertionError(o.address() + ": does not survive the model unchanged:\n  stack: "
                    + normalized(o.object()) + "\n  model: " + normalized(back));
        }
        return model;
    }

    private static void checkNad(KubernetesObjects.K8sObject o) throws Exception {
        ObjectNode n = o.object();
        require(o, NAD_TOP.containsAll(names(n)), "unknown top-level fields " + names(n));
        require(o, n.path("apiVersion").asText().equals("k8s.cni.cncf.io/v1"), "apiVersion " + n.path("apiVersion"));
        require(o, NAD_METADATA.containsAll(names(n.path("metadata"))), "unknown metadata " + names(n.path("metadata")));
        require(o, names(n.path("spec")).equals(List.of("config")) && n.path("spec").path("config").isTextual(),
                "spec must be exactly {config: <string>}");
        JsonNode config = JSON.readTree(n.path("spec").path("config").asText());
        require(o, config.path("type").asText().equals("bridge"), "CNI type " + config.path("type"));
        require(o, config.path("ipam").path("type").asText().equals("host-local"), "IPAM " + config.path("ipam"));
    }

    private static void require(KubernetesObjects.K8sObject o, boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(o.address() + ": " + what);
        }
    }

    private static List<String> names(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Every non-empty {@code additionalProperties} below {@code value}, as paths. */
    private static void unknownProperties(Object value, String path, List<String> out, Map<Object, Boolean> seen)
            throws Exception {
        if (value == null || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object v : c) {
                unknownProperties(v, path + "[" + i++ + "]", out, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                unknownProperties(e.getValue(), path + "." + e.getKey(), out, seen);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method m : value.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || !m.getName().startsWith("get") || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object v = m.invoke(value);
            if (m.getName().equals("getAdditionalProperties")) {
                if (v instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    out.add(path + ": " + extra.keySet());
                }
            } else {
                unknownProperties(v, path + "." + m.getName().substring(3), out, seen);
            }
        }
    }

    /** {@code node} without empty objects and lists (the model drops them). */
    static JsonNode normalized(JsonNode node) {
        JsonNode copy = node.deepCopy();
        prune(copy);
        return copy;
    }

    private static void prune(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                prune(e.getValue());
                if (e.getValue().isNull() || ((e.getValue().isObject() || e.getValue().isArray())
                        && e.getValue().isEmpty() && !e.getKey().equals("emptyDir")
                        && !e.getKey().equals("namespaceSelector"))) {
                    it.remove();
                }
            }
        } else if (node.isArray()) {
            node.forEach(StrictModel::prune);
        }
    }
}
