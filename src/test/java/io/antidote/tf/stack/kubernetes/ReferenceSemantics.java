package io.antidote.tf.stack.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.KubernetesConfig;
import io.antidote.tf.lesson.Connection;
import io.antidote.tf.lesson.Flavor;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.PresentationType;
import io.antidote.tf.live.LiveEndpoint;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonFactory;
import io.antidote.tf.live.LivePresentation;
import io.antidote.tf.stack.StackRequest;
import io.antidote.tf.stack.kubernetes.KubernetesObjects.K8sObject;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the reference's Kubernetes backend creates for a livelesson, checked on a stack's objects after the strict
 * model check: one namespace with its labels, the egress policy iff egress is denied, one pod and one service per
 * endpoint with the endpoint's ports, flavors, forwarding sysctls and same-node affinity, ingress hosts equal to the
 * HepDomains, one NetworkAttachmentDefinition per connection named in the pods' annotations with the image's
 * interface names, one job per configured endpoint with the configurator's command line.
 */
final class ReferenceSemantics {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceSemantics() {
    }

    /** Checks {@code json}, the stack of {@code request}; returns the objects. */
    static List<K8sObject> check(StackRequest request, AntidoteConfig config, String json) throws Exception {
        KubernetesConfig k8s = config.backendConfigs().terraform().kubernetes();
        LiveLesson live = request.liveLesson();
        List<K8sObject> objects = KubernetesObjects.of(json);
        Map<String, Object> models = new LinkedHashMap<>();
        for (K8sObject o : objects) {
            if (o.kind().equals("Secret")) {
                String source = o.address().replace("kubernetes_secret_v1.", "data.kubernetes_secret_v1.source_");
                assertThat(o.object().path("data").asText()).as(o.address() + " copies its source")
                        .isEqualTo("${" + source + ".data}");
                o.object().putObject("data");
            }
            models.put(o.address(), StrictModel.check(o));
        }
        Map<String, List<K8sObject>> byKind = KubernetesObjects.byKind(objects);
        String ns = k8s.namespacePrefix() + live.uullid();
        String nsRef = "${kubernetes_namespace_v1.namespace.metadata[0].name}";

        List<K8sObject> namespaces = byKind.get("Namespace");
        assertThat(namespaces).hasSize(1);
        Namespace namespace = (Namespace) models.get(namespaces.get(0).address());
        assertThat(namespace.getMetadata().getName()).isEqualTo(ns);
        assertThat(namespace.getMetadata().getLabels()).containsOnlyKeys("name", "liveLesson", "liveSession",
                "lessonSlug", "antidoteManaged", "antidoteId", "lastAccessed", "created")
                .containsEntry("name", ns).containsEntry("liveLesson", live.id())
                .containsEntry("liveSession", live.sessionId()).containsEntry("lessonSlug", live.lessonSlug())
                .containsEntry("antidoteManaged", "yes").containsEntry("antidoteId", config.instanceId())
                .containsEntry("created", String.valueOf(live.createdTime().getEpochSecond()));
        objects.stream().filter(o -> !o.kind().equals("Namespace") && !o.kind().equals("PersistentVolume"))
                .forEach(o -> assertThat(o.object().path("metadata").path("namespace").asText())
                        .as(o.address() + " lives in the livelesson's namespace").isEqualTo(nsRef));

        List<K8sObject> policies = byKind.getOrDefault("NetworkPolicy", List.of());
        if (config.allowEgress()) {
            assertThat(policies).as("no egress policy with allowEgress").isEmpty();
        } else {
            assertThat(policies).hasSize(1);
            NetworkPolicy p = (NetworkPolicy) models.get(policies.get(0).address());
            assertThat(p.getMetadata().getName()).isEqualTo("stoneage");
            assertThat(p.getSpec().getPolicyTypes()).containsExactly("Egress");
            assertThat(p.getSpec().getPodSelector().getMatchExpressions()).extracting(e -> e.getKey() + " "
                    + e.getOperator() + " " + e.getValues()).containsExactly("antidoteManaged In [yes]",
                    "configPod NotIn [yes]");
            assertThat(p.getSpec().getEgress()).hasSize(2);
            assertThat(p.getSpec().getEgress().get(0).getTo().get(0).getNamespaceSelector().getMatchLabels())
                    .isEqualTo(Map.of("name", ns));
            assertThat(p.getSpec().getEgress().get(1).getTo().get(0).getNamespaceSelector().getMatchLabels())
                    .isNullOrEmpty();
            assertThat(p.getSpec().getEgress().get(1).getPorts()).extracting(q -> q.getProtocol() + "/"
                    + q.getPort().getIntVal()).containsExactly("TCP/53", "UDP/53");
        }

        List<LiveEndpoint> endpoints = new ArrayList<>(live.liveEndpoints().values());
        List<K8sObject> pods = byKind.get("Pod");
        assertThat(pods).as("one pod per endpoint").hasSize(endpoints.size());
        List<K8sObject> services = byKind.get("Service");
        assertThat(services).as("one service per endpoint").hasSize(endpoints.size());
        JsonNode stack = JSON.readTree(json);
        JsonNode addresses = stack.path("output").path("endpoint_addresses").path("value");
        assertThat(addresses.size()).isEqualTo(endpoints.size());
        Map<String, List<String>> nadsOfPods = new LinkedHashMap<>();
        Map<Integer, String> nadByIndex = new LinkedHashMap<>();
        byKind.getOrDefault("NetworkAttachmentDefinition", List.of()).forEach(n -> nadByIndex.put(
                Integer.parseInt(n.address().replaceAll(".*_", "")), n.name()));
        String firstPod = null;
        for (int i = 0; i < endpoints.size(); i++) {
            LiveEndpoint ep = endpoints.get(i);
            K8sObject podObject = pods.stream().filter(o -> o.name().equals(ep.name())).findFirst().orElseThrow(
                    () -> new AssertionError("no pod named " + ep.name()));
            Pod pod = (Pod) models.get(podObject.address());
            JsonNode resource = stack.at("/resource/" + podObject.address().replace(".", "/"));
            if (i == 0) {
                firstPod = podObject.address();
            } else {
                assertThat(resource.path("depends_on").toString()).as(ep.name() + " comes after the first pod")
                        .contains(firstPod);
            }
            checkPod(request, config, ep, pod, nadByIndex, nadsOfPods);
            K8sObject svcObject = services.stream().filter(o -> o.name().equals(ep.name())).findFirst().orElseThrow(
                    () -> new AssertionError("no service named " + ep.name()));
            Service svc = (Service) models.get(svcObject.address());
            assertThat(svc.getSpec().getType()).isEqualTo("ClusterIP");
            assertThat(svc.getSpec().getSelector()).isEqualTo(Map.of("liveLesson", live.id(), "liveSession",
                    live.sessionId(), "podName", ep.name()));
            assertThat(svc.getSpec().getPorts()).extracting(ServicePort::getPort).containsExactlyElementsOf(ep.ports());
            assertThat(svc.getSpec().getPorts()).allSatisfy(p -> assertThat(p.getTargetPort().getIntVal())
                    .isEqualTo(p.getPort()));
            assertThat(addresses.path(ep.name()).asText()).as("the address of " + ep.name() + " is its ClusterIP")
                    .isEqualTo("${" + svcObject.address() + ".spec[0].cluster_ip}");
        }

        Set<String> httpHosts = new HashSet<>();
        endpoints.forEach(ep -> ep.presentations().stream().filter(p -> p.type() == PresentationType.HTTP)
                .forEach(p -> httpHosts.add(p.hepDomain())));
        List<K8sObject> ingresses = byKind.getOrDefault("Ingress", List.of());
        Set<String> ingressHosts = new HashSet<>();
        for (K8sObject o : ingresses) {
            Ingress ing = (Ingress) models.get(o.address());
            assertThat(ing.getSpec().getIngressClassName()).isEqualTo(k8s.ingressClassName());
            assertThat(ing.getSpec().getRules()).hasSize(1);
            String host = ing.getSpec().getRules().get(0).getHost();
            ingressHosts.add(host);
            assertThat(ing.getSpec().getTls()).singleElement().satisfies(t -> {
                assertThat(t.getHosts()).containsExactly(host);
                assertThat(t.getSecretName()).isEqualTo(k8s.tlsCertName());
            });
            var backend = ing.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService();
            LivePresentation presentation = endpoints.stream().flatMap(e -> e.presentations().stream())
                    .filter(p -> p.hepDomain().equals(host)).findFirst().orElseThrow();
            LiveEndpoint owner = endpoints.stream().filter(e -> e.presentations().contains(presentation)).findFirst()
                    .orElseThrow();
            assertThat(backend.getName()).isEqualTo(owner.name());
            assertThat(backend.getPort().getNumber()).isEqualTo(presentation.port());
        }
        assertThat(ingressHosts).as("ingress hosts are the HepDomains").isEqualTo(httpHosts);
        assertThat(ingresses).hasSize(httpHosts.size());
        assertThat(stack.path("output").path("http_routes").path("value").size()).isEqualTo(httpHosts.size());
        if (live.liveEndpoints().containsKey(LiveLessonFactory.JUPYTER_ENDPOINT)) {
            assertThat(ingressHosts).contains(live.guideDomain());
        }

        List<K8sObject> nads = byKind.getOrDefault("NetworkAttachmentDefinition", List.of());
        List<Connection> connections = request.lesson().connections();
        assertThat(nads).as("one NetworkAttachmentDefinition per connection").hasSize(connections.size());
        Set<String> nadNames = new HashSet<>();
        for (K8sObject nad : nads) {
            nadNames.add(nad.name());
            JsonNode cni = JSON.readTree(nad.object().path("spec").path("config").asText());
            assertThat(cni.path("bridge").asText().length()).isBetween(1, 15);
            int index = Integer.parseInt(nad.address().replaceAll(".*_", ""));
            assertThat(cni.path("ipam").path("subnet").asText()).isEqualTo(connections.get(index).subnet());
        }
        Set<String> annotated = new HashSet<>();
        nadsOfPods.values().forEach(annotated::addAll);
        assertThat(annotated).as("the pods' annotations name exactly the definitions").isEqualTo(nadNames);

        List<K8sObject> jobs = byKind.getOrDefault("Job", List.of());
        List<LiveEndpoint> configured = endpoints.stream().filter(e -> e.configurationType()
                != io.antidote.tf.lesson.ConfigurationType.NONE).toList();
        assertThat(jobs).as("one job per configured endpoint").hasSize(request.configure() ? configured.size() : 0);
        if (request.configure()) {
            for (LiveEndpoint ep : configured) {
                checkJob(request, k8s, ep, jobs, models, stack);
            }
        }
        return objects;
    }

    private static void checkPod(StackRequest request, AntidoteConfig config, LiveEndpoint ep, Pod pod,
            Map<Integer, String> nadByIndex, Map<String, List<String>> nadsOfPods) throws Exception {
        KubernetesConfig k8s = config.backendConfigs().terraform().kubernetes();
        LiveLesson live = request.liveLesson();
        assertThat(pod.getMetadata().getLabels()).isEqualTo(Map.of("liveLesson", live.id(), "liveSession",
                live.sessionId(), "podName", ep.name(), "antidoteManaged", "yes"));
        PodAffinityTerm term = pod.getSpec().getAffinity().getPodAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution().get(0);
        assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
        assertThat(term.getLabelSelector().getMatchLabels()).isEqualTo(Map.of("liveLesson", live.id(),
                "liveSession", live.sessionId(), "antidoteManaged", "yes"));
        assertThat(term.getNamespaces()).containsExactly("${kubernetes_namespace_v1.namespace.metadata[0].name}");
        Container c = pod.getSpec().getContainers().get(0);
        assertThat(pod.getSpec().getContainers()).hasSize(1);
        assertThat(c.getPorts()).extracting(ContainerPort::getContainerPort).containsExactlyElementsOf(ep.ports());
        assertThat(c.getImagePullPolicy()).isEqualTo(config.alwaysPull() ? "Always" : "IfNotPresent");
        assertThat(c.getSecurityContext().getCapabilities().getAdd()).containsExactly("NET_ADMIN");
        assertThat(pod.getSpec().getInitContainers()).singleElement().satisfies(init -> {
            assertThat(init.getCommand()).hasSize(3);
            assertThat(init.getCommand().get(2)).contains("'/antidote-ro/" + request.lesson().directory() + "/.'");
        });
        Image image = request.images().get(ep.image());
        boolean jupyter = ep.name().equals(LiveLessonFactory.JUPYTER_ENDPOINT);
        Flavor flavor = jupyter ? Flavor.UNTRUSTED : image.flavor();
        String imageOrg = k8s.imageOrg().isEmpty() ? config.imageOrg() : k8s.imageOrg();
        assertThat(c.getImage()).isEqualTo(jupyter ? ep.image()
                : imageOrg + "/" + ep.image() + ":" + config.curriculumVersion());
        switch (flavor) {
            case TRUSTED -> {
                assertThat(c.getSecurityContext().getPrivileged()).isTrue();
                assertThat(pod.getSpec().getRuntimeClassName()).isNull();
            }
            case LEGACY -> {
                assertThat(c.getSecurityContext().getPrivileged()).isFalse();
                assertThat(pod.getSpec().getRuntimeClassName()).isNull();
            }
            case UNTRUSTED -> {
                assertThat(c.getSecurityContext().getPrivileged()).isFalse();
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
                assertThat(pod.getSpec().getRuntimeClassName()).isEqualTo(k8s.runtimeClassName());
            }
        }
        boolean forwarding = !jupyter && image.enableForwarding();
        if (forwarding) {
            assertThat(pod.getSpec().getSecurityContext().getSysctls()).extracting(s -> s.getName() + "=" + s.getValue())
                    .containsExactly("net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1");
        } else {
            assertThat(pod.getSpec().getSecurityContext() == null
                    || pod.getSpec().getSecurityContext().getSysctls().isEmpty()).isTrue();
        }
        List<Connection> connections = request.lesson().connections();
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < connections.size(); i++) {
            if (connections.get(i).a().equals(ep.name()) || connections.get(i).b().equals(ep.name())) {
                mine.add(i);
            }
        }
        String annotation = pod.getMetadata().getAnnotations() == null ? null
                : pod.getMetadata().getAnnotations().get("k8s.v1.cni.cncf.io/networks");
        if (mine.isEmpty()) {
            assertThat(annotation).isNull();
            return;
        }
        JsonNode networks = JSON.readTree(annotation);
        assertThat(networks.size()).isEqualTo(mine.size());
        List<String> names = new ArrayList<>();
        for (int n = 0; n < mine.size(); n++) {
            Connection conn = connections.get(mine.get(n));
            JsonNode net = networks.get(n);
            assertThat(net.path("interface").asText()).isEqualTo(image.interfaceName(n));
            assertThat(net.path("name").asText()).as(ep.name() + "'s network " + n)
                    .isEqualTo(nadByIndex.get(mine.get(n)));
            // the reference's host-local IPAM: .2 to the pod created first (lesson order), .3 to the other
            List<String> order = List.copyOf(request.liveLesson().liveEndpoints().keySet());
            String other = conn.a().equals(ep.name()) ? conn.b() : conn.a();
            String side = order.indexOf(ep.name()) <= order.indexOf(other) ? "2" : "3";
            assertThat(net.path("ips").get(0).asText()).endsWith("/" + conn.subnet().split("/")[1]);
            assertThat(net.path("ips").get(0).asText().split("/")[0]).endsWith("." + side);
            names.add(net.path("name").asText());
        }
        nadsOfPods.put(ep.name(), names);
    }

    private static void checkJob(StackRequest request, KubernetesConfig k8s, LiveEndpoint ep, List<K8sObject> jobs,
            Map<String, Object> models, JsonNode stack) {
        int stage = request.liveLesson().stage();
        K8sObject o = jobs.stream().filter(j -> j.name().equals("config-" + ep.name() + "-" + stage)).findFirst()
                .orElseThrow(() -> new AssertionError("no job config-" + ep.name() + "-" + stage));
        Job job = (Job) models.get(o.address());
        assertThat(job.getSpec().getBackoffLimit()).isEqualTo(3);
        assertThat(job.getMetadata().getLabels()).containsEntry("jobType", "config").containsEntry("antidoteManaged", "yes");
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("configPod", "yes");
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
        Container c = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        String host = "${kubernetes_service_v1.service_" + ep.name() + ".spec[0].cluster_ip}";
        String file = "/antidote/stage" + stage + "/configs/" + ep.configurationFile();
        List<String> expected = switch (ep.configurationType()) {
            case PYTHON -> List.of("python", file);
            case ANSIBLE -> List.of("ansible-playbook", "-vvvv", "-i", host + ",", file);
            case NAPALM -> List.of("/configure.py", "$(ANTIDOTE_TARGET_USERNAME)", "$(ANTIDOTE_TARGET_PASSWORD)",
                    ep.configurationFile().replaceAll("\\.txt$", "").replaceAll(".*-", ""), "22", host, file);
            case NONE -> throw new AssertionError("not configured");
        };
        assertThat(c.getCommand()).isEqualTo(expected);
        Map<String, EnvVar> env = new LinkedHashMap<>();
        c.getEnv().forEach(e -> env.put(e.getName(), e));
        assertThat(env.get("ANTIDOTE_TARGET_HOST").getValue()).isEqualTo(host);
        assertThat(env.get("ANTIDOTE_TARGET_USERNAME").getValue())
                .isEqualTo(request.images().get(ep.image()).configUser().replace("$", "$$"));
        assertThat(env.get("ANTIDOTE_TARGET_PASSWORD").getValue()).isNull();
        assertThat(env.get("ANTIDOTE_TARGET_PASSWORD").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo(k8s.configPasswordSecret());
        assertThat(env.get("ANTIDOTE_TARGET_PASSWORD").getValueFrom().getSecretKeyRef().getKey()).isEqualTo(ep.image());
        JsonNode resource = stack.at("/resource/" + o.address().replace(".", "/"));
        assertThat(resource.path("wait_for_completion").asBoolean()).isTrue();
        assertThat(resource.path("lifecycle").path("replace_triggered_by").toString())
                .contains("terraform_data.stage_trigger");
        assertThat(stack.at("/resource/terraform_data/stage_trigger/input").asText()).isEqualTo(String.valueOf(stage));
    }
}
