package io.antidote.tf.stack.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.lesson.Category;
import io.antidote.tf.lesson.ConfigurationType;
import io.antidote.tf.lesson.Connection;
import io.antidote.tf.lesson.Flavor;
import io.antidote.tf.lesson.GuideType;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.lesson.LessonEndpoint;
import io.antidote.tf.lesson.LessonStage;
import io.antidote.tf.lesson.Presentation;
import io.antidote.tf.lesson.PresentationType;
import io.antidote.tf.lesson.Tier;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonFactory;
import io.antidote.tf.sink.TerraformString;
import io.antidote.tf.stack.Jsii;
import io.antidote.tf.stack.StackException;
import io.antidote.tf.stack.StackFixtures;
import io.antidote.tf.stack.StackOutputs;
import io.antidote.tf.stack.StackRequest;
import io.antidote.tf.stack.kubernetes.KubernetesObjects.K8sObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes stack of fixture lessons, feature by feature (one synthesizer per configuration for the class: jsii
 * starts slowly). No cluster and no kubernetes provider exist here; objects are checked as the API would get them.
 */
class KubernetesStackSynthesizerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AntidoteConfig DENIED = KubernetesFixtures.config(false, KubernetesFixtures.k8s());
    private static final AntidoteConfig CLAIM = KubernetesFixtures.config(true, KubernetesFixtures.k8sWithClaim());
    private static KubernetesStackSynthesizer synth;
    private static KubernetesStackSynthesizer claimSynth;

    @BeforeAll
    static void open() {
        synth = new KubernetesStackSynthesizer(DENIED, StackFixtures.buildInfo());
        claimSynth = new KubernetesStackSynthesizer(CLAIM, StackFixtures.buildInfo());
    }

    @AfterAll
    static void close() {
        synth.close();
        claimSynth.close();
    }

    private static StackRequest network(AntidoteConfig config, int stage) {
        return StackFixtures.request(config, StackFixtures.networkLesson(), stage, "abcde12345");
    }

    @Test
    void theNetworkLessonHasEveryObjectOfTheReference() throws Exception {
        StackRequest request = network(DENIED, 0);
        String json = synth.synth(request).json();
        List<K8sObject> objects = ReferenceSemantics.check(request, DENIED, json);
        Map<String, List<K8sObject>> byKind = KubernetesObjects.byKind(objects);
        assertThat(byKind.get("Pod")).extracting(K8sObject::address).containsExactlyInAnyOrder(
                "kubernetes_pod_v1.pod_vqfx1", "kubernetes_pod_v1.pod_vqfx2", "kubernetes_manifest.pod_linux1",
                "kubernetes_manifest.pod_jupyterlabguide");
        assertThat(byKind.get("Job")).extracting(K8sObject::name)
                .containsExactlyInAnyOrder("config-vqfx1-0", "config-vqfx2-0", "config-linux1-0");
        assertThat(byKind.get("Ingress")).extracting(K8sObject::name)
                .containsExactlyInAnyOrder("linux1-web", "linux1-grafana", "jupyterlabguide-web");
        assertThat(byKind.get("Secret")).extracting(K8sObject::name)
                .containsExactlyInAnyOrder("tls-certificate", "regcred", "antidote-config-passwords");
        assertThat(byKind.get("NetworkAttachmentDefinition")).extracting(K8sObject::name)
                .containsExactly("vqfx1-vqfx2-net", "vqfx2-linux1-net");
        JsonNode stack = JSON.readTree(json);
        assertThat(stack.at("/provider/kubernetes/0/config_path").asText()).isEqualTo("/etc/antidote/kubeconfig");
        assertThat(stack.at("/provider/kubernetes/0/config_context").asText()).isEqualTo("lab");
        assertThat(stack.at("/terraform/required_providers/kubernetes/source").asText()).isEqualTo("hashicorp/kubernetes");
        assertThat(stack.at("/terraform/required_providers/kubernetes/version").asText()).isEqualTo("~> 2.12");
        assertThat(stack.has("data")).isTrue();
        assertThat(stack.at("/data/kubernetes_secret_v1/source_tls/metadata/namespace").asText()).isEqualTo("prod");
        assertThat(stack.at("/terraform").has("backend")).isFalse();
        JsonNode linux = stack.at("/resource/kubernetes_manifest/pod_linux1/manifest/spec/containers/0/resources");
        assertThat(linux.toString()).isEqualTo("{\"limits\":{\"memory\":\"1Gi\"},\"requests\":{\"cpu\":\"250m\",\"memory\":\"256Mi\"}}");
        assertThat(stack.at("/resource/kubernetes_pod_v1/pod_vqfx1/spec/container/0/resources").isMissingNode()).isTrue();
        assertThat(stack.at("/resource/kubernetes_pod_v1/pod_vqfx1/spec/image_pull_secrets/0/name").asText())
                .isEqualTo("regcred");
    }

    @Test
    void theOutputsAreTheContract() throws Exception {
        JsonNode outputs = JSON.readTree(synth.synth(network(DENIED, 1)).json()).path("output");
        assertThat(outputs.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(StackOutputs.NAMES);
        assertThat(outputs.at("/stage/value").asText()).isEqualTo("1");
        assertThat(outputs.at("/http_routes/value").toString())
                .isEqualTo("{\"jupyterlabguide/web\":\"0:3\",\"linux1/grafana\":\"0:2\",\"linux1/web\":\"0:1\"}");
        assertThat(outputs.at("/host_id/value").asText()).isEqualTo("${kubernetes_namespace_v1.namespace.metadata[0].uid}");
        assertThat(outputs.at("/zone_id/value").asText()).isEqualTo("${kubernetes_namespace_v1.namespace.metadata[0].name}");
    }

    @Test
    void allowEgressDropsThePolicyAndAClaimCarriesTheCurriculum() throws Exception {
        StackRequest request = network(CLAIM, 0);
        String json = claimSynth.synth(request).json();
        List<K8sObject> objects = ReferenceSemantics.check(request, CLAIM, json);
        Map<String, List<K8sObject>> byKind = KubernetesObjects.byKind(objects);
        assertThat(byKind).doesNotContainKey("NetworkPolicy");
        assertThat(byKind.get("Namespace").get(0).name()).isEqualTo("lab-ptr-abcde12345");
        K8sObject pv = byKind.get("PersistentVolume").get(0);
        assertThat(pv.name()).isEqualTo("lab-ptr-abcde12345-curriculum");
        assertThat(pv.spec().path("csi").path("driver").asText()).isEqualTo("efs.csi.aws.com");
        assertThat(pv.spec().path("csi").path("volumeHandle").asText()).isEqualTo("fs-0123abcd:/curriculum");
        assertThat(pv.spec().path("persistentVolumeReclaimPolicy").asText()).isEqualTo("Retain");
        assertThat(pv.spec().path("claimRef").path("namespace").asText()).isEqualTo("lab-ptr-abcde12345");
        K8sObject pvc = byKind.get("PersistentVolumeClaim").get(0);
        assertThat(pvc.name()).isEqualTo("curriculum");
        assertThat(pvc.spec().path("volumeName").asText())
                .isEqualTo("${kubernetes_persistent_volume_v1.curriculum_volume.metadata[0].name}");
        for (K8sObject pod : byKind.get("Pod")) {
            assertThat(pod.spec().path("volumes").get(0).path("persistentVolumeClaim").path("claimName").asText())
                    .isEqualTo("curriculum");
            assertThat(pod.object().path("spec").path("containers").get(0).path("image").asText())
                    .startsWith(pod.name().equals("jupyterlabguide") ? "antidotelabs/jupyter:" : "registry.example.org/antidote/");
        }
        assertThat(json).doesNotContain("regcred").contains("\"config_path\" : \"~/.kube/config\"");
    }

    @Test
    void modifyReplacesTheJobsWithTheNewStagesThroughTheStageTrigger() throws Exception {
        StackRequest stage0 = network(DENIED, 0);
        StackRequest stage1 = new StackRequest(stage0.liveLesson().withStage(1), stage0.lesson(), stage0.images());
        JsonNode a = JSON.readTree(synth.synth(stage0).json());
        JsonNode b = JSON.readTree(synth.synth(stage1).json());
        ReferenceSemantics.check(stage1, DENIED, b.toPrettyString());
        assertThat(a.at("/resource/terraform_data/stage_trigger/input").asText()).isEqualTo("0");
        assertThat(b.at("/resource/terraform_data/stage_trigger/input").asText()).isEqualTo("1");
        for (String job : List.of("configure_vqfx1", "configure_vqfx2", "configure_linux1")) {
            JsonNode j = b.at("/resource/kubernetes_job_v1/" + job);
            assertThat(j.at("/lifecycle/replace_triggered_by/0").asText()).isEqualTo("terraform_data.stage_trigger");
            assertThat(j.at("/metadata/name").asText()).endsWith("-1");
            assertThat(j.at("/metadata/labels/stageId").asText()).isEqualTo("1");
            assertThat(j.at("/spec/template/spec/container/0/command").toString()).contains("/antidote/stage1/configs/");
        }
        JsonNode withoutJobs = a.deepCopy();
        JsonNode otherWithoutJobs = b.deepCopy();
        for (JsonNode n : List.of(withoutJobs, otherWithoutJobs)) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) n.get("resource")).remove(List.of("kubernetes_job_v1",
                    "terraform_data"));
            ((com.fasterxml.jackson.databind.node.ObjectNode) n.get("output")).remove("stage");
        }
        assertThat(otherWithoutJobs).as("a new stage changes only the configuration").isEqualTo(withoutJobs);
    }

    @Test
    void withoutConfigurationTheStackHasNoJobsAndTheSameEndpoints() throws Exception {
        StackRequest request = network(DENIED, 0).withConfigure(false);
        JsonNode stack = JSON.readTree(synth.synth(request).json());
        ReferenceSemantics.check(request, DENIED, stack.toPrettyString());
        assertThat(stack.at("/resource/kubernetes_job_v1").isMissingNode()).isTrue();
        assertThat(stack.at("/resource/terraform_data").isMissingNode()).isTrue();
        assertThat(stack.at("/output/endpoint_addresses/value").size()).isEqualTo(4);
    }

    @Test
    void noPasswordIsInTheStack() {
        for (AntidoteConfig config : List.of(DENIED, CLAIM)) {
            String json = (config == DENIED ? synth : claimSynth).synth(network(config, 0)).json();
            assertThat(json).doesNotContain(StackFixtures.VQFX_PASSWORD).doesNotContain(StackFixtures.UTILITY_PASSWORD)
                    .doesNotContain("antidotepassword");
        }
    }

    @Test
    void theSameRequestGivesTheSameBytes() {
        String first = synth.synth(network(DENIED, 0)).json();
        String second = synth.synth(network(DENIED, 0)).json();
        assertThat(second).isEqualTo(first);
        assertThat(claimSynth.synth(network(CLAIM, 0)).json()).isEqualTo(claimSynth.synth(network(CLAIM, 0)).json());
    }

    @Test
    void hostileCurriculumTextReachesKubernetesLiterally() throws Exception {
        Image evil = new Image("evil", "", Flavor.LEGACY, false, List.of("e${x}0"), "a", "b",
                "u$(ANTIDOTE_TARGET_PASSWORD)${file(\"/etc/passwd\")}%{if true}x%{endif}", "Pw-0f-Evil-Image");
        Lesson lesson = new Lesson("evil", "Evil", Category.TOOLS, Tier.PROD, "", "", "", null, null,
                List.of(new LessonStage(0, "one", GuideType.JUPYTER, null)),
                List.of(new LessonEndpoint("e1", "evil", ConfigurationType.PYTHON,
                                "x$(ANTIDOTE_TARGET_PASSWORD)${path.module}'; rm -rf /.py", null,
                                List.of(new Presentation("cli", 22, PresentationType.SSH))),
                        new LessonEndpoint("e2", "evil", ConfigurationType.NONE, null, null,
                                List.of(new Presentation("cli", 22, PresentationType.SSH)))),
                List.of(new Connection("e1", "e2", null)), null, 0, null, null,
                Path.of("lessons/it's ${var.x} $(HOME)"));
        LiveLesson live = new LiveLessonFactory("ptr", "labs.example.org", "v9.9.9", StackFixtures.CURRICULUM,
                slug -> Optional.of(evil), () -> "abcde12345", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                .create(lesson, 0, "session1");
        StackRequest request = new StackRequest(live, lesson, Map.of("evil", evil));
        String json = synth.synth(request).json();
        List<String> templates = new ArrayList<>();
        collectTemplates(JSON.readTree(json), templates);
        assertThat(templates).as("every ${ or %{ terraform would evaluate is one of the stack's own references")
                .allMatch(t -> t.matches("(\\$\\{(kubernetes_|data\\.|terraform_)[a-z0-9_.\\[\\]-]+\\},?)+"));
        JsonNode stack = JSON.readTree(json);
        JsonNode job = stack.at("/resource/kubernetes_job_v1/configure_e1/spec/template/spec/container/0");
        assertThat(kubelet(terraform(job.at("/command/1").asText())))
                .isEqualTo("/antidote/stage0/configs/x$(ANTIDOTE_TARGET_PASSWORD)${path.module}'; rm -rf /.py");
        assertThat(job.at("/env/1/name").asText()).isEqualTo("ANTIDOTE_TARGET_USERNAME");
        assertThat(kubelet(terraform(job.at("/env/1/value").asText()))).isEqualTo(evil.configUser());
        assertThat(job.at("/command/0").asText()).isEqualTo("python");
        String init = stack.at("/resource/kubernetes_pod_v1/pod_e1/spec/init_container/0/command/2").asText();
        assertThat(kubelet(terraform(init))).startsWith("cp -R '/antidote-ro/lessons/it'\\''s ${var.x} $(HOME)/.' /antidote/");
        assertThat(terraform(stack.at("/resource/kubernetes_pod_v1/pod_e1/metadata/annotations")
                .path("k8s.v1.cni.cncf.io/networks").asText())).contains("\"interface\":\"e${x}0\"");
    }

    /** What terraform makes of a string of the configuration: {@code $${} and {@code %%{} are escapes. */
    private static String terraform(String text) {
        assertThat(TerraformString.hasTemplateSequence(text)).as(text).isFalse();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if ((text.startsWith("$${", i) || text.startsWith("%%{", i))) {
                b.append(text.charAt(i)).append('{');
                i += 2;
            } else {
                b.append(text.charAt(i));
            }
        }
        return b.toString();
    }

    /** What the kubelet passes to the process for an argument: {@code $$} is {@code $}; a {@code $(} would expand. */
    private static String kubelet(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (text.startsWith("$$", i)) {
                b.append('$');
                i++;
            } else {
                assertThat(text.startsWith("$(", i)).as("an unescaped reference in " + text).isFalse();
                b.append(text.charAt(i));
            }
        }
        return b.toString();
    }

    @Test
    void everyJsiiCallRunsOnTheOneJsiiThreadWhateverTheCaller() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Callable<String> c = () -> synth.synth(network(DENIED, 0)).json();
                results.add(callers.submit(c));
            }
            String first = results.get(0).get();
            for (Future<String> f : results) {
                assertThat(f.get()).isEqualTo(first);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(Jsii.call("x", "a check", () -> Thread.currentThread().getName())).isEqualTo(Jsii.THREAD_NAME);
        assertThatThrownBy(() -> Jsii.call("x", "a check", () -> Jsii.call("y", "nested", () -> 1)))
                .isInstanceOf(StackException.class).hasMessageContaining("would wait for ever");
    }

    @Test
    void aConnectionToAMissingEndpointOrABadSubnetNamesTheLivelesson() {
        Lesson good = StackFixtures.networkLesson();
        Lesson bad = new Lesson(good.slug(), good.name(), good.category(), good.tier(), "", "", "", null, null,
                good.stages(), good.endpoints(), List.of(new Connection("vqfx1", "vqfx2", "10.0.0.0/31")), null, 0,
                null, null, good.directory());
        StackRequest request = StackFixtures.request(DENIED, bad, 0, "abcde12345");
        assertThatThrownBy(() -> synth.synth(request)).isInstanceOf(StackException.class)
                .hasMessageContaining("ptr-abcde12345").hasMessageContaining("too small");
    }

    /** Every string of {@code node} that terraform would read as a template. */
    private static void collectTemplates(JsonNode node, List<String> out) {
        if (node.isTextual() && TerraformString.hasTemplateSequence(node.asText())) {
            out.add(node.asText());
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
            collectTemplates(it.next(), out);
        }
    }
}
