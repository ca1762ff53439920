package io.antidote.tf.stack.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.kubernetes.IngressV1;
import com.hashicorp.cdktf.providers.kubernetes.IngressV1Metadata;
import com.hashicorp.cdktf.providers.kubernetes.IngressV1Spec;
import com.hashicorp.cdktf.providers.kubernetes.IngressV1SpecRule;
import com.hashicorp.cdktf.providers.kubernetes.IngressV1SpecRuleHttp;
import com.hashicorp.cdktf.providers.kubernetes.IngressV1SpecRuleHttpPath;
import com.hashicorp.cdktf.providers.kubernetes.IngressV1SpecRuleHttpPathBackend;
import com.hashicorp.cdktf.providers.kubernetes.IngressV1SpecRuleHttpPathBackendService;
import com.hashicorp.cdktf.providers.kubernetes.IngressV1SpecRuleHttpPathBackendServicePort;
import com.hashicorp.cdktf.providers.kubernetes.IngressV1SpecTls;
import com.hashicorp.cdktf.providers.kubernetes.KubernetesProvider;
import com.hashicorp.cdktf.providers.kubernetes.Manifest;
import com.hashicorp.cdktf.providers.kubernetes.NamespaceV1;
import com.hashicorp.cdktf.providers.kubernetes.NamespaceV1Metadata;
import com.hashicorp.cdktf.providers.kubernetes.ServiceV1;
import com.hashicorp.cdktf.providers.kubernetes.ServiceV1Metadata;
import com.hashicorp.cdktf.providers.kubernetes.ServiceV1Spec;
import com.hashicorp.cdktf.providers.kubernetes.ServiceV1SpecPort;
import io.antidote.tf.config.KubernetesConfig;
import io.antidote.tf.stack.Refs;
import io.antidote.tf.stack.StackOutputs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The objects of one livelesson on Kubernetes (CDKTF; build on the jsii thread only), in the reference's order:
 * namespace, egress policy (without {@code allowEgress}), copied secrets, the curriculum's claim, connection networks,
 * a pod and a service per endpoint, an ingress per HTTP presentation, and with the stage's configuration one job per
 * configured endpoint; then the outputs of the contract. Names and references are plain strings ({@link Refs}).
 * Design and mapping: docs/kubernetes.md.
 */
final class LessonStack extends TerraformStack {
    /** Admits the bindings' 2.12.1 and later 2.x. */
    static final String VERSION_CONSTRAINT = "~> 2.12";
    /** The provider's registry address (CDKTF would write the short {@code kubernetes}). */
    static final String SOURCE = "hashicorp/kubernetes";
    static final String STAGE_TRIGGER = "stage_trigger";
    static final String NAMESPACE_V1 = "kubernetes_namespace_v1";
    static final String SERVICE_V1 = "kubernetes_service_v1";
    static final String INGRESS_V1 = "kubernetes_ingress_v1";
    static final String NAMESPACE = "namespace";
    static final String TLS = "tls";
    static final String PULL = "pull";
    static final String PASSWORDS = "config_passwords";
    private static final ObjectMapper JSON = new ObjectMapper();

    LessonStack(Construct scope, LessonPlan plan) {
        super(scope, plan.uullid());
        provider(plan.k8s());
        NamespaceV1.Builder.create(this, NAMESPACE).metadata(NamespaceV1Metadata.builder()
                .name(plan.namespace()).labels(Text.lit(plan.namespaceLabels())).build()).build();
        String namespace = Refs.attr(NAMESPACE_V1, NAMESPACE, "metadata[0].name");
        if (!plan.allowEgress()) {
            Namespaced.egressPolicy(this, plan, namespace);
        }
        String tls = plan.ingresses().isEmpty() ? null
                : Namespaced.copySecret(this, plan, TLS, plan.k8s().tlsCertName(), namespace);
        List<String> podDependencies = new ArrayList<>();
        if (!plan.k8s().pullCredName().isEmpty()) {
            podDependencies.add(Namespaced.copySecret(this, plan, PULL, plan.k8s().pullCredName(), namespace));
        }
        String passwords = plan.anyConfigured()
                ? Namespaced.copySecret(this, plan, PASSWORDS, plan.k8s().configPasswordSecret(), namespace) : null;
        if (plan.k8s().curriculumVolume().persistentVolumeClaim()) {
            podDependencies.add(Namespaced.curriculumClaim(this, plan, namespace));
        }
        for (NetworkPlan network : plan.networks()) {
            podDependencies.add(network(plan, network, namespace));
        }
        Map<String, String> addresses = new LinkedHashMap<>();
        String first = null;
        for (PodPlan pod : plan.pods()) {
            List<String> dependsOn = new ArrayList<>(podDependencies);
            if (first != null) {
                dependsOn.add(first);
            }
            Pods.create(this, plan, pod, namespace, dependsOn);
            if (first == null) {
                first = Pods.resourceType(plan, pod) + "." + Pods.resourceName(pod);
            }
            addresses.put(pod.endpoint(), service(plan, pod, namespace));
        }
        Map<String, String> routes = new LinkedHashMap<>();
        for (IngressPlan ingress : plan.ingresses()) {
            ingress(plan, ingress, namespace, tls);
            routes.put(ingress.route(), "0:" + (routes.size() + 1));
        }
        if (plan.configure()) {
            addOverride("resource.terraform_data." + STAGE_TRIGGER, Map.of("input", String.valueOf(plan.stage())));
            for (PodPlan pod : plan.pods()) {
                if (pod.configured()) {
                    List<String> dependsOn = new ArrayList<>(List.of(Pods.resourceType(plan, pod) + "."
                            + Pods.resourceName(pod), passwords));
                    Jobs.create(this, plan, pod, namespace, addresses.get(pod.endpoint()),
                            "terraform_data." + STAGE_TRIGGER, dependsOn);
                }
            }
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(StackOutputs.ENDPOINT_ADDRESSES, Map.of("value", addresses));
        outputs.put(StackOutputs.STAGE, Map.of("value", String.valueOf(plan.stage())));
        outputs.put(StackOutputs.HTTP_ROUTES, Map.of("value", routes));
        outputs.put(StackOutputs.HOST_ID, Map.of("value", Refs.attr(NAMESPACE_V1, NAMESPACE, "metadata[0].uid")));
        outputs.put(StackOutputs.ZONE_ID, Map.of("value", namespace));
        addOverride("output", outputs);
    }

    /** The provider: a kubeconfig (and context), or nothing at all in cluster (the pod's service account). */
    private void provider(KubernetesConfig k8s) {
        KubernetesProvider.Builder provider = KubernetesProvider.Builder.create(this, "kubernetes");
        if (!k8s.inCluster()) {
            provider.configPath(Text.lit(k8s.kubeconfigPath()));
            if (!k8s.kubeconfigContext().isEmpty()) {
                provider.configContext(Text.lit(k8s.kubeconfigContext()));
            }
        }
        provider.build();
        addOverride("terraform.required_providers.kubernetes.source", SOURCE);
        addOverride("terraform.required_providers.kubernetes.version", VERSION_CONSTRAINT);
    }

    /**
     * A connection's NetworkAttachmentDefinition (k8s.cni.cncf.io/v1, a CRD: {@code kubernetes_manifest}): a bridge
     * unique to the livelesson and connection, host-local addresses on the connection's subnet, the {@code ips}
     * capability so that each pod gets the address its annotation asks for.
     *
     * @return its resource address
     */
    private String network(LessonPlan plan, NetworkPlan network, String namespace) {
        Map<String, Object> ipam = new LinkedHashMap<>();
        ipam.put("type", "host-local");
        ipam.put("subnet", network.subnet());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("cniVersion", "0.3.1");
        config.put("name", plan.namespace() + "-" + network.name());
        config.put("type", "bridge");
        config.put("bridge", network.bridge());
        config.put("forceAddress", false);
        config.put("hairpinMode", false);
        config.put("capabilities", Map.of("ips", true));
        config.put("ipam", ipam);
        String configJson;
        try {
            configJson = JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", Text.lit(network.name()));
        metadata.put("namespace", namespace);
        metadata.put("labels", Namespaced.MANAGED);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("apiVersion", "k8s.cni.cncf.io/v1");
        manifest.put("kind", "NetworkAttachmentDefinition");
        manifest.put("metadata", metadata);
        manifest.put("spec", Map.of("config", Text.lit(configJson)));
        String id = "network_" + network.index();
        Manifest.Builder.create(this, id).manifest(manifest).build();
        return Pods.MANIFEST + "." + id;
    }

    /** The endpoint's ClusterIP service, one port per container port; returns the reference to its ClusterIP. */
    private String service(LessonPlan plan, PodPlan pod, String namespace) {
        Map<String, String> labels = new LinkedHashMap<>(plan.selectorLabels());
        Map<String, String> selector = new LinkedHashMap<>(plan.podLabels(pod));
        selector.remove("antidoteManaged");
        String id = "service_" + pod.resourceSuffix();
        ServiceV1.Builder.create(this, id)
                .metadata(ServiceV1Metadata.builder().name(Text.lit(pod.serviceName())).namespace(namespace)
                        .labels(Text.lit(labels)).build())
                .spec(ServiceV1Spec.builder().type("ClusterIP").selector(Text.lit(selector))
                        .port(pod.ports().stream().map(p -> ServiceV1SpecPort.builder().name("port-" + p).port(p)
                                .targetPort(String.valueOf(p)).build()).toList())
                        .build())
                .build();
        return Refs.attr(SERVICE_V1, id, "spec[0].cluster_ip");
    }

    /** An HTTP presentation's ingress: exactly its HepDomain, TLS from the copied certificate, to its service port. */
    private void ingress(LessonPlan plan, IngressPlan ingress, String namespace, String tls) {
        IngressV1.Builder.create(this, "ingress_" + ingress.resourceSuffix())
                .metadata(IngressV1Metadata.builder().name(Text.lit(ingress.name())).namespace(namespace)
                        .labels(Namespaced.MANAGED).annotations(Text.lit(plan.k8s().ingressAnnotations())).build())
                .spec(IngressV1Spec.builder().ingressClassName(Text.lit(plan.k8s().ingressClassName()))
                        .tls(List.of(IngressV1SpecTls.builder().hosts(List.of(Text.lit(ingress.host())))
                                .secretName(Text.lit(plan.k8s().tlsCertName())).build()))
                        .rule(List.of(IngressV1SpecRule.builder().host(Text.lit(ingress.host()))
                                .http(IngressV1SpecRuleHttp.builder().path(List.of(IngressV1SpecRuleHttpPath.builder()
                                        .path("/").pathType("Prefix")
                                        .backend(IngressV1SpecRuleHttpPathBackend.builder().service(
                                                IngressV1SpecRuleHttpPathBackendService.builder()
                                                        .name(Text.lit(ingress.service()))
                                                        .port(IngressV1SpecRuleHttpPathBackendServicePort.builder()
                                                                .number(ingress.port()).build()).build()).build())
                                        .build())).build()).build()))
                        .build())
                .build()
                .addOverride("depends_on", List.of(tls));
    }
}
