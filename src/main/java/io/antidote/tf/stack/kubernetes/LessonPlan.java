package io.antidote.tf.stack.kubernetes;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.KubernetesConfig;
import io.antidote.tf.config.KubernetesResources;
import io.antidote.tf.lesson.Connection;
import io.antidote.tf.lesson.Flavor;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.PresentationType;
import io.antidote.tf.live.LiveEndpoint;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonFactory;
import io.antidote.tf.live.LivePresentation;
import io.antidote.tf.stack.Configurator;
import io.antidote.tf.stack.ConnectionLinks;
import io.antidote.tf.stack.StackException;
import io.antidote.tf.stack.StackRequest;
import io.antidote.tf.stack.StackTags;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a livelesson's Kubernetes stack is made of, computed before any jsii call: the namespace and its labels,
 * the pods in lesson order (the jupyter guide last, as the livelesson lists it), the connection networks and the
 * ingresses, with every name already within Kubernetes' limits ({@link KubernetesNaming}). Strings here are raw
 * (curriculum text included); the stack escapes them where they are placed.
 *
 * @param uullid {@code <instanceId>-<livelessonId>}, the stack's name
 * @param lessonDir the lesson's directory relative to the curriculum (copied to /antidote)
 * @param curriculumPath the curriculum directory on the nodes (hostPath volumes)
 */
record LessonPlan(String uullid, String namespace, int stage, boolean configure, boolean allowEgress,
        boolean alwaysPull, String lessonDir, String curriculumPath, String configuratorImage, KubernetesConfig k8s,
        Map<String, String> namespaceLabels, Map<String, String> selectorLabels, List<PodPlan> pods,
        List<NetworkPlan> networks, List<IngressPlan> ingresses) {

    /** The annotation listing a pod's networks (Multus). */
    static final String NETWORKS_ANNOTATION = "k8s.v1.cni.cncf.io/networks";

    LessonPlan {
        namespaceLabels = Collections.unmodifiableMap(new LinkedHashMap<>(namespaceLabels));
        selectorLabels = Collections.unmodifiableMap(new LinkedHashMap<>(selectorLabels));
        pods = List.copyOf(pods);
        networks = List.copyOf(networks);
        ingresses = List.copyOf(ingresses);
    }

    static LessonPlan of(StackRequest request, AntidoteConfig config, String imageVersion) {
        KubernetesConfig k8s = config.backendConfigs().terraform().kubernetes();
        LiveLesson live = request.liveLesson();
        String uullid = request.stackName();
        String namespace = KubernetesNaming.namespace(k8s.namespacePrefix(), uullid);
        Map<String, String> tags = StackTags.of(live);
        String created = String.valueOf(live.createdTime().getEpochSecond());
        Map<String, String> nsLabels = new LinkedHashMap<>();
        nsLabels.put("name", namespace);
        nsLabels.put(StackTags.LIVE_LESSON, KubernetesNaming.labelValue(live.id()));
        nsLabels.put(StackTags.LIVE_SESSION, KubernetesNaming.labelValue(live.sessionId()));
        nsLabels.put(StackTags.LESSON_SLUG, KubernetesNaming.labelValue(live.lessonSlug()));
        nsLabels.put(StackTags.MANAGED, tags.get(StackTags.MANAGED));
        nsLabels.put(StackTags.ANTIDOTE_ID, KubernetesNaming.labelValue(live.antidoteId()));
        nsLabels.put("lastAccessed", created);
        nsLabels.put("created", created);
        Map<String, String> selector = new LinkedHashMap<>();
        selector.put(StackTags.LIVE_LESSON, nsLabels.get(StackTags.LIVE_LESSON));
        selector.put(StackTags.LIVE_SESSION, nsLabels.get(StackTags.LIVE_SESSION));
        selector.put(StackTags.MANAGED, "yes");
        List<NetworkPlan> networks = networks(request, uullid);
        String imageOrg = k8s.imageOrg().isEmpty() ? config.imageOrg() : k8s.imageOrg();
        List<PodPlan> pods = pods(request, networks, imageOrg, config.curriculumVersion(), k8s);
        String curriculumPath = k8s.curriculumVolume().hostPath().isEmpty()
                ? config.curriculumDir().toString().replace('\\', '/') : k8s.curriculumVolume().hostPath();
        return new LessonPlan(uullid, namespace, live.stage(), request.configure(), config.allowEgress(),
                config.alwaysPull(), request.lesson().directory().toString().replace('\\', '/'), curriculumPath,
                Configurator.image(imageVersion), k8s, nsLabels, selector, pods, networks, ingresses(pods));
    }

    /** The labels of {@code pod}: the selector's and {@code podName}. */
    Map<String, String> podLabels(PodPlan pod) {
        Map<String, String> labels = new LinkedHashMap<>(selectorLabels);
        labels.put("podName", pod.podName());
        return labels;
    }

    /** Whether any endpoint has a configuration (so that the passwords' secret is copied). */
    boolean anyConfigured() {
        return pods.stream().anyMatch(PodPlan::configured);
    }

    private static List<NetworkPlan> networks(StackRequest request, String uullid) {
        UniqueNames names = new UniqueNames(false);
        List<NetworkPlan> networks = new ArrayList<>();
        List<Connection> connections = request.lesson().connections();
        for (int c = 0; c < connections.size(); c++) {
            Connection conn = connections.get(c);
            networks.add(new NetworkPlan(c, names.take(conn.networkName(), String.valueOf(c)),
                    KubernetesNaming.bridge(uullid, c), conn.subnet()));
        }
        return networks;
    }

    private static List<PodPlan> pods(StackRequest request, List<NetworkPlan> networks, String imageOrg,
            String curriculumVersion, KubernetesConfig k8s) {
        String stack = request.stackName();
        LiveLesson live = request.liveLesson();
        Map<String, List<PodPlan.Attachment>> attachments = attachments(request, networks);
        UniqueNames podNames = new UniqueNames(false);
        UniqueNames serviceNames = new UniqueNames(true);
        UniqueNames jobNames = new UniqueNames(false);
        List<PodPlan> pods = new ArrayList<>();
        int index = 0;
        for (LiveEndpoint ep : live.liveEndpoints().values()) {
            String pod = podNames.take(ep.name(), ep.name());
            String service = serviceNames.take(ep.name(), ep.name());
            String job = jobNames.take("config-" + ep.name() + "-" + live.stage(), ep.name());
            var lessonEp = request.lesson().endpoint(ep.name());
            if (lessonEp.isEmpty()) {
                if (!ep.name().equals(LiveLessonFactory.JUPYTER_ENDPOINT)) {
                    throw new StackException(stack, "live endpoint " + ep.name() + " is not in lesson "
                            + request.lesson().slug());
                }
                pods.add(new PodPlan(ep.name(), index++, pod, service, pod, "", ep.image(), Flavor.UNTRUSTED, false,
                        ep.ports(), ep.presentations(), List.of(), ep.configurationType(), "", "",
                        KubernetesResources.none(), job));
                continue;
            }
            Image image = ConnectionLinks.image(request, lessonEp.get());
            if (ep.ports().isEmpty()) {
                throw new StackException(stack, "endpoint " + ep.name()
                        + " has no port (it needs a presentation or additionalPorts)");
            }
            pods.add(new PodPlan(ep.name(), index++, pod, service, pod, image.slug(),
                    imageOrg + "/" + image.slug() + ":" + curriculumVersion, image.flavor(), image.enableForwarding(),
                    ep.ports(), ep.presentations(), attachments.getOrDefault(ep.name(), List.of()),
                    ep.configurationType(), ep.configurationFile(), image.configUser(), k8s.resourcesOf(image.slug()),
                    job));
        }
        return pods;
    }

    /** Each endpoint's attachments ({@link ConnectionLinks}), on the networks of their connections. */
    private static Map<String, List<PodPlan.Attachment>> attachments(StackRequest request, List<NetworkPlan> networks) {
        Map<String, List<PodPlan.Attachment>> attachments = new HashMap<>();
        ConnectionLinks.of(request).forEach((ep, links) -> attachments.put(ep, links.stream()
                .map(l -> new PodPlan.Attachment(networks.get(l.connection()).name(), l.interfaceName(), l.address()))
                .toList()));
        return attachments;
    }

    private static List<IngressPlan> ingresses(List<PodPlan> pods) {
        UniqueNames names = new UniqueNames(false);
        List<IngressPlan> ingresses = new ArrayList<>();
        for (PodPlan pod : pods) {
            for (LivePresentation p : pod.presentations()) {
                if (p.type() == PresentationType.HTTP) {
                    String route = pod.endpoint() + "/" + p.name();
                    String name = names.take(pod.endpoint() + "-" + p.name(), route);
                    ingresses.add(new IngressPlan(route, name, name, p.hepDomain(), pod.serviceName(), p.port()));
                }
            }
        }
        return ingresses;
    }
}
