package io.antidote.tf.stack.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.lesson.Flavor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every rendering of an endpoint's pod shares (the typed {@code kubernetes_pod_v1}, the
 * {@code kubernetes_manifest} of an untrusted one, the configuration job's template), decided once: volumes and the
 * init container that copies the lesson, flavors, sysctls, the networks annotation. Text here is raw; renderers
 * escape it ({@link Text}).
 */
final class PodShape {
    static final String CURRICULUM_VOLUME = "curriculum";
    static final String ANTIDOTE_VOLUME = "antidote";
    static final String CURRICULUM_MOUNT = "/antidote-ro";
    static final String ANTIDOTE_MOUNT = "/antidote";
    static final String INIT_CONTAINER = "copy-local-files";
    /** The claim of the curriculum in the namespace ({@code persistentVolumeClaim} volumes). */
    static final String CLAIM = "curriculum";
    static final String NET_ADMIN = "NET_ADMIN";
    static final String AFFINITY_TOPOLOGY = "kubernetes.io/hostname";
    static final List<String> FORWARDING_SYSCTLS = List.of("net.ipv4.ip_forward", "net.ipv6.conf.all.forwarding");
    /** How long terraform waits for a pod to run (image pulls of VM-based images take minutes). */
    static final String POD_TIMEOUT = "10m";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PodShape() {
    }

    /** The init container's command: copy the lesson's directory into {@code /antidote}, owned by uid 1000. */
    static List<String> initCommand(LessonPlan plan) {
        return List.of("sh", "-c", "cp -R " + Text.shell(CURRICULUM_MOUNT + "/" + plan.lessonDir() + "/.") + " "
                + ANTIDOTE_MOUNT + "/ && chown -R 1000:1000 " + ANTIDOTE_MOUNT);
    }

    /** {@code IfNotPresent}, or {@code Always} with {@code alwaysPull}. */
    static String pullPolicy(LessonPlan plan) {
        return plan.alwaysPull() ? "Always" : "IfNotPresent";
    }

    /** Whether the container is privileged: only {@code trusted} images. */
    static boolean privileged(PodPlan pod) {
        return switch (pod.flavor()) {
            case TRUSTED -> true;
            case UNTRUSTED, LEGACY -> false;
        };
    }

    /** The runtime class of the pod: the configured sandbox for {@code untrusted} images, else none. */
    static String runtimeClass(LessonPlan plan, PodPlan pod) {
        return pod.flavor() == Flavor.UNTRUSTED ? plan.k8s().runtimeClassName() : null;
    }

    /** The value of the Multus networks annotation: [{name, interface, ips}] in connection order; null without any. */
    static String networksAnnotation(PodPlan pod) {
        if (pod.networks().isEmpty()) {
            return null;
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (PodPlan.Attachment a : pod.networks()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", a.network());
            entry.put("interface", a.interfaceName());
            entry.put("ips", List.of(a.address()));
            list.add(entry);
        }
        try {
            return JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serializes", e);
        }
    }

    /** The pod's annotations (the networks annotation when it has networks). */
    static Map<String, String> annotations(PodPlan pod) {
        String networks = networksAnnotation(pod);
        return networks == null ? Map.of() : Map.of(LessonPlan.NETWORKS_ANNOTATION, networks);
    }
}
