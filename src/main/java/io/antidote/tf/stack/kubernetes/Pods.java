package io.antidote.tf.stack.kubernetes;

import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.kubernetes.Manifest;
import com.hashicorp.cdktf.providers.kubernetes.ManifestTimeouts;
import com.hashicorp.cdktf.providers.kubernetes.ManifestWait;
import com.hashicorp.cdktf.providers.kubernetes.PodV1;
import com.hashicorp.cdktf.providers.kubernetes.PodV1Metadata;
import com.hashicorp.cdktf.providers.kubernetes.PodV1Spec;
import com.hashicorp.cdktf.providers.kubernetes.PodV1SpecAffinity;
import com.hashicorp.cdktf.providers.kubernetes.PodV1SpecAffinityPodAffinity;
import com.hashicorp.cdktf.providers.kubernetes.PodV1SpecAffinityPodAffinityRequiredDuringSchedulingIgnoredDuringExecution;
import com.hashicorp.cdktf.providers.kubernetes.PodV1SpecAffinityPodAffinityRequiredDuringSchedulingIgnoredDuringExecutionLabelSelector;
import com.hashicorp.cdktf.providers.kubernetes.PodV1SpecContainer;
import com.hashicorp.cdktf.providers.kubernetes.PodV1SpecContainerPort;
import com.hashicorp.cdktf.providers.kubernetes.PodV1SpecContainerResources;
import com.hashicorp.cdktf.providers.kubernetes.PodV1SpecContainerSecurityContext;
import com.hashicorp.cdktf.providers.kubernetes.PodV1SpecContainerSecurityContextCapabilities;
import com.hashicorp.cdktf.providers.kubernetes.PodV1SpecContainerVolumeMount;
import com.hashicorp.cdktf.providers.kubernetes.PodV1SpecImagePullSecrets;
import com.hashicorp.cdktf.providers.kubernetes.PodV1SpecInitContainer;
import com.hashicorp.cdktf.providers.kubernetes.PodV1SpecInitContainerVolumeMount;
import com.hashicorp.cdktf.providers.kubernetes.PodV1SpecSecurityContext;
import com.hashicorp.cdktf.providers.kubernetes.PodV1SpecSecurityContextSysctl;
import com.hashicorp.cdktf.providers.kubernetes.PodV1SpecVolume;
import com.hashicorp.cdktf.providers.kubernetes.PodV1SpecVolumeEmptyDir;
import com.hashicorp.cdktf.providers.kubernetes.PodV1SpecVolumeHostPath;
import com.hashicorp.cdktf.providers.kubernetes.PodV1SpecVolumePersistentVolumeClaim;
import com.hashicorp.cdktf.providers.kubernetes.PodV1Timeouts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An endpoint's pod: {@code kubernetes_pod_v1} (typed) for {@code trusted} and {@code legacy} images;
 * {@code kubernetes_manifest} of a Pod for {@code untrusted} ones, since provider 2.12.1 has no
 * {@code runtime_class_name} (added in 2.16.0). Both render the same {@link PodShape} and wait until the pod runs.
 */
final class Pods {
    static final String POD_V1 = "kubernetes_pod_v1";
    static final String MANIFEST = "kubernetes_manifest";

    private Pods() {
    }

    /** The pod's Terraform resource name. */
    static String resourceName(PodPlan pod) {
        return "pod_" + pod.resourceSuffix();
    }

    /** The Terraform type of {@code pod}'s resource. */
    static String resourceType(LessonPlan plan, PodPlan pod) {
        return PodShape.runtimeClass(plan, pod) != null ? MANIFEST : POD_V1;
    }

    /** Creates {@code pod}'s resource; it depends on {@code dependsOn} (the first pod, the curriculum claim, ...). */
    static void create(TerraformStack stack, LessonPlan plan, PodPlan pod, String namespace, List<String> dependsOn) {
        TerraformResource resource;
        if (PodShape.runtimeClass(plan, pod) != null) {
            resource = Manifest.Builder.create(stack, resourceName(pod)).manifest(manifest(plan, pod, namespace))
                    .wait(ManifestWait.builder().fields(Map.of("status.phase", "Running")).build())
                    .timeouts(ManifestTimeouts.builder().create(PodShape.POD_TIMEOUT).build()).build();
        } else {
            resource = PodV1.Builder.create(stack, resourceName(pod))
                    .metadata(PodV1Metadata.builder().name(Text.lit(pod.podName())).namespace(namespace)
                            .labels(Text.lit(plan.podLabels(pod))).annotations(Text.lit(PodShape.annotations(pod)))
                            .build())
                    .spec(typedSpec(plan, pod, namespace))
                    .timeouts(PodV1Timeouts.builder().create(PodShape.POD_TIMEOUT).build()).build();
        }
        if (!dependsOn.isEmpty()) {
            resource.addOverride("depends_on", dependsOn);
        }
    }

    private static PodV1Spec typedSpec(LessonPlan plan, PodPlan pod, String namespace) {
        PodV1SpecContainerSecurityContext security = PodV1SpecContainerSecurityContext.builder()
                .privileged(PodShape.privileged(pod)).allowPrivilegeEscalation(PodShape.privileged(pod))
                .capabilities(PodV1SpecContainerSecurityContextCapabilities.builder().add(List.of(PodShape.NET_ADMIN))
                        .build()).build();
        List<PodV1SpecContainerPort> ports = pod.ports().stream()
                .map(p -> PodV1SpecContainerPort.builder().containerPort(p).build()).toList();
        PodV1SpecContainer.Builder container = PodV1SpecContainer.builder().name(Text.lit(pod.podName()))
                .image(Text.lit(pod.imageRef())).imagePullPolicy(PodShape.pullPolicy(plan)).port(ports)
                .securityContext(security).volumeMount(List.of(PodV1SpecContainerVolumeMount.builder()
                        .name(PodShape.ANTIDOTE_VOLUME).mountPath(PodShape.ANTIDOTE_MOUNT).build()));
        if (!pod.resources().isEmpty()) {
            container.resources(PodV1SpecContainerResources.builder().requests(pod.resources().requests())
                    .limits(pod.resources().limits()).build());
        }
        PodV1SpecInitContainer init = PodV1SpecInitContainer.builder().name(PodShape.INIT_CONTAINER)
                .image(Text.lit(plan.k8s().initImage())).imagePullPolicy(PodShape.pullPolicy(plan))
                .command(Text.args(PodShape.initCommand(plan)))
                .volumeMount(List.of(PodV1SpecInitContainerVolumeMount.builder().name(PodShape.CURRICULUM_VOLUME)
                                .mountPath(PodShape.CURRICULUM_MOUNT).readOnly(true).build(),
                        PodV1SpecInitContainerVolumeMount.builder().name(PodShape.ANTIDOTE_VOLUME)
                                .mountPath(PodShape.ANTIDOTE_MOUNT).build())).build();
        PodV1SpecVolume curriculum = plan.k8s().curriculumVolume().persistentVolumeClaim()
                ? PodV1SpecVolume.builder().name(PodShape.CURRICULUM_VOLUME).persistentVolumeClaim(
                        PodV1SpecVolumePersistentVolumeClaim.builder().claimName(PodShape.CLAIM).readOnly(true).build())
                        .build()
                : PodV1SpecVolume.builder().name(PodShape.CURRICULUM_VOLUME).hostPath(PodV1SpecVolumeHostPath.builder()
                        .path(Text.lit(plan.curriculumPath())).type("Directory").build()).build();
        PodV1Spec.Builder spec = PodV1Spec.builder()
                .affinity(PodV1SpecAffinity.builder().podAffinity(PodV1SpecAffinityPodAffinity.builder()
                        .requiredDuringSchedulingIgnoredDuringExecution(List.of(
                                PodV1SpecAffinityPodAffinityRequiredDuringSchedulingIgnoredDuringExecution.builder()
                                        .labelSelector(List.of(
                                                PodV1SpecAffinityPodAffinityRequiredDuringSchedulingIgnoredDuringExecutionLabelSelector
                                                        .builder().matchLabels(Text.lit(plan.selectorLabels())).build()))
                                        .namespaces(List.of(namespace)).topologyKey(PodShape.AFFINITY_TOPOLOGY)
                                        .build()))
                        .build()).build())
                .automountServiceAccountToken(false)
                .initContainer(List.of(init)).container(List.of(container.build()))
                .volume(List.of(curriculum, PodV1SpecVolume.builder().name(PodShape.ANTIDOTE_VOLUME)
                        .emptyDir(PodV1SpecVolumeEmptyDir.builder().build()).build()));
        if (pod.enableForwarding()) {
            spec.securityContext(PodV1SpecSecurityContext.builder().sysctl(PodShape.FORWARDING_SYSCTLS.stream()
                    .map(s -> PodV1SpecSecurityContextSysctl.builder().name(s).value("1").build()).toList()).build());
        }
        if (!plan.k8s().pullCredName().isEmpty()) {
            spec.imagePullSecrets(List.of(PodV1SpecImagePullSecrets.builder().name(Text.lit(plan.k8s().pullCredName()))
                    .build()));
        }
        return spec.build();
    }

    /** The Pod as Kubernetes JSON (camelCase, as the API takes it) for {@code kubernetes_manifest}. */
    static Map<String, Object> manifest(LessonPlan plan, PodPlan pod, String namespace) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", Text.lit(pod.podName()));
        metadata.put("namespace", namespace);
        metadata.put("labels", Text.lit(plan.podLabels(pod)));
        if (!PodShape.annotations(pod).isEmpty()) {
            metadata.put("annotations", Text.lit(PodShape.annotations(pod)));
        }
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", Text.lit(pod.podName()));
        container.put("image", Text.lit(pod.imageRef()));
        container.put("imagePullPolicy", PodShape.pullPolicy(plan));
        container.put("ports", pod.ports().stream().map(p -> Map.of("containerPort", p)).toList());
        container.put("securityContext", Map.of("privileged", PodShape.privileged(pod),
                "allowPrivilegeEscalation", PodShape.privileged(pod),
                "capabilities", Map.of("add", List.of(PodShape.NET_ADMIN))));
        container.put("volumeMounts", List.of(Map.of("name", PodShape.ANTIDOTE_VOLUME,
                "mountPath", PodShape.ANTIDOTE_MOUNT)));
        if (!pod.resources().isEmpty()) {
            Map<String, Object> resources = new LinkedHashMap<>();
            if (!pod.resources().requests().isEmpty()) {
                resources.put("requests", pod.resources().requests());
            }
            if (!pod.resources().limits().isEmpty()) {
                resources.put("limits", pod.resources().limits());
            }
            container.put("resources", resources);
        }
        Map<String, Object> init = new LinkedHashMap<>();
        init.put("name", PodShape.INIT_CONTAINER);
        init.put("image", Text.lit(plan.k8s().initImage()));
        init.put("imagePullPolicy", PodShape.pullPolicy(plan));
        init.put("command", Text.args(PodShape.initCommand(plan)));
        init.put("volumeMounts", List.of(
                Map.of("name", PodShape.CURRICULUM_VOLUME, "mountPath", PodShape.CURRICULUM_MOUNT, "readOnly", true),
                Map.of("name", PodShape.ANTIDOTE_VOLUME, "mountPath", PodShape.ANTIDOTE_MOUNT)));
        Map<String, Object> curriculum = plan.k8s().curriculumVolume().persistentVolumeClaim()
                ? Map.of("name", PodShape.CURRICULUM_VOLUME,
                        "persistentVolumeClaim", Map.of("claimName", PodShape.CLAIM, "readOnly", true))
                : Map.of("name", PodShape.CURRICULUM_VOLUME,
                        "hostPath", Map.of("path", Text.lit(plan.curriculumPath()), "type", "Directory"));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("affinity", Map.of("podAffinity", Map.of("requiredDuringSchedulingIgnoredDuringExecution", List.of(
                Map.of("labelSelector", Map.of("matchLabels", Text.lit(plan.selectorLabels())),
                        "namespaces", List.of(namespace), "topologyKey", PodShape.AFFINITY_TOPOLOGY)))));
        spec.put("automountServiceAccountToken", false);
        spec.put("runtimeClassName", Text.lit(PodShape.runtimeClass(plan, pod)));
        spec.put("initContainers", List.of(init));
        spec.put("containers", List.of(container));
        spec.put("volumes", List.of(curriculum, Map.of("name", PodShape.ANTIDOTE_VOLUME, "emptyDir", Map.of())));
        if (pod.enableForwarding()) {
            spec.put("securityContext", Map.of("sysctls", PodShape.FORWARDING_SYSCTLS.stream()
                    .map(s -> Map.of("name", s, "value", "1")).toList()));
        }
        if (!plan.k8s().pullCredName().isEmpty()) {
            spec.put("imagePullSecrets", List.of(Map.of("name", Text.lit(plan.k8s().pullCredName()))));
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("apiVersion", "v1");
        manifest.put("kind", "Pod");
        manifest.put("metadata", metadata);
        manifest.put("spec", spec);
        return manifest;
    }
}
