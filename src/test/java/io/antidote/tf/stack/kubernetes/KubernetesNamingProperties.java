package io.antidote.tf.stack.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.KubernetesConfig;
import io.antidote.tf.config.KubernetesVolumeConfig;
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
import io.antidote.tf.stack.StackRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Every Kubernetes name of a livelesson's stack stays within Kubernetes' limits (DNS-1123 and DNS-1035 labels, 63
 * characters, label values, 15-character bridges) and is unique where it must be, for any instance, livelesson,
 * session and lesson shape the curriculum and the API allow (names computed without jsii); and a stack is the same
 * bytes for the same input.
 */
class KubernetesNamingProperties {
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static KubernetesStackSynthesizer synthesizer;
    /** Where the markdown guides of generated lessons are (the factory reads the stage's guide). */
    private static final Path GUIDES;

    static {
        try {
            GUIDES = Files.createTempDirectory("k8s-naming-guides-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> dnsLabel() {
        Arbitrary<String> inner = Arbitraries.strings().withChars(ALNUM + "-").ofMaxLength(18);
        Arbitrary<Character> edge = Arbitraries.chars().with(ALNUM.toCharArray());
        return Combinators.combine(edge, inner, edge).as((a, m, b) -> a + m + b).filter(s -> s.length() <= 20)
                .filter(s -> !s.equals(LiveLessonFactory.JUPYTER_ENDPOINT));
    }

    @Provide
    Arbitrary<String> liveLessonId() {
        return Arbitraries.strings().withChars(ALNUM).ofMinLength(1).ofMaxLength(32);
    }

    @Provide
    Arbitrary<String> sessionId() {
        return Arbitraries.strings().withChars(ALNUM + "ABCXYZ._-").ofMinLength(1).ofMaxLength(64);
    }

    @Provide
    Arbitrary<String> slug() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz-").ofMinLength(1).ofMaxLength(90);
    }

    @Provide
    Arbitrary<String> prefix() {
        return Arbitraries.strings().withChars(ALNUM + "-").ofMaxLength(10).filter(s -> !s.startsWith("-"));
    }

    @Provide
    Arbitrary<Lesson> lesson() {
        Arbitrary<List<String>> names = dnsLabel().list().uniqueElements().ofMinSize(1).ofMaxSize(8);
        Arbitrary<List<String>> presentations = Arbitraries.strings().withChars(ALNUM + "-").ofMinLength(1)
                .ofMaxLength(10).filter(s -> !s.startsWith("-") && !s.endsWith("-")).list().uniqueElements()
                .ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<Integer>> pairs = Arbitraries.integers().between(0, 63).list().ofMaxSize(8);
        return Combinators.combine(names, presentations, pairs, slug(), Arbitraries.of(true, false))
                .as((eps, pres, links, slug, jupyter) -> {
                    List<LessonEndpoint> endpoints = new ArrayList<>();
                    for (String ep : eps) {
                        List<Presentation> ps = new ArrayList<>();
                        for (int i = 0; i < pres.size(); i++) {
                            ps.add(new Presentation(pres.get(i), 8000 + i, i % 2 == 0 ? PresentationType.HTTP
                                    : PresentationType.SSH));
                        }
                        endpoints.add(new LessonEndpoint(ep, "img", ConfigurationType.PYTHON, ep + ".py", null, ps));
                    }
                    List<Connection> connections = new ArrayList<>();
                    for (int link : links) {
                        connections.add(new Connection(eps.get(link % eps.size()), eps.get((link / 8) % eps.size()),
                                "10." + (link % 250) + ".0.0/24"));
                    }
                    return new Lesson(slug, slug, Category.TOOLS, Tier.PROD, "", "", "", null, null,
                            List.of(new LessonStage(0, "s", jupyter ? GuideType.JUPYTER : GuideType.MARKDOWN, null)),
                            endpoints, connections, null, 0, null, null, Path.of("lessons", slug));
                });
    }

    private static StackRequest request(String instanceId, String id, String session, Lesson lesson, Flavor flavor) {
        Image image = new Image("img", "", flavor, true, List.of(), "u", "p", "c", "q");
        Path guide = GUIDES.resolve(lesson.directory()).resolve("stage0").resolve("guide.md");
        try {
            Files.createDirectories(guide.getParent());
            Files.writeString(guide, "# guide\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LiveLesson live = new LiveLessonFactory(instanceId, "labs.example.org", "v1", GUIDES,
                slug -> Optional.of(image), () -> id, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)).create(lesson, 0, session);
        return new StackRequest(live, lesson, Map.of("img", image));
    }

    private static AntidoteConfig config(String instanceId, String prefix) {
        KubernetesConfig k8s = new KubernetesConfig(null, null, null, prefix, null, null, null, null, null, null, null,
                null, null, new KubernetesVolumeConfig(null, "/srv/c", null, null, null, null), null, null);
        return new AntidoteConfig(instanceId, Path.of("/srv/c"), null, "labs.example.org", null, null, null, null,
                null, null, null, null, false, "v1", null, null, null, null, null, null, null,
                new io.antidote.tf.config.BackendConfigs(new io.antidote.tf.config.TerraformBackendConfig("kubernetes",
                        null, null, null, null, null, null, k8s)));
    }

    @Property(tries = 300)
    void everyNameFitsKubernetesAndIsUniqueInItsNamespace(@ForAll("dnsLabel") String instanceId,
            @ForAll("liveLessonId") String id, @ForAll("sessionId") String session, @ForAll("lesson") Lesson lesson,
            @ForAll("prefix") String prefix) {
        StackRequest request = request(instanceId, id, session, lesson, Flavor.UNTRUSTED);
        LessonPlan plan = LessonPlan.of(request, config(instanceId, prefix), "v1");
        assertThat(KubernetesNaming.isDns1123Label(plan.namespace())).as(plan.namespace()).isTrue();
        plan.namespaceLabels().forEach((k, v) -> assertThat(KubernetesNaming.isLabelValue(v)).as(k + "=" + v).isTrue());
        plan.selectorLabels().values().forEach(v -> assertThat(KubernetesNaming.isLabelValue(v)).as(v).isTrue());
        Set<String> pods = new HashSet<>();
        Set<String> services = new HashSet<>();
        Set<String> jobs = new HashSet<>();
        Set<String> suffixes = new HashSet<>();
        for (PodPlan pod : plan.pods()) {
            assertThat(KubernetesNaming.isDns1123Label(pod.podName())).as(pod.podName()).isTrue();
            assertThat(KubernetesNaming.isDns1035Label(pod.serviceName())).as(pod.serviceName()).isTrue();
            assertThat(KubernetesNaming.isDns1123Label(pod.jobName())).as(pod.jobName()).isTrue();
            assertThat(pod.resourceSuffix()).matches("[a-z0-9-]+");
            assertThat(pods.add(pod.podName()) && services.add(pod.serviceName()) && jobs.add(pod.jobName())
                    && suffixes.add(pod.resourceSuffix())).as("unique names of " + pod.endpoint()).isTrue();
            assertThat(KubernetesNaming.isLabelValue(plan.podLabels(pod).get("podName"))).isTrue();
        }
        Set<String> nads = new HashSet<>();
        Set<String> bridges = new HashSet<>();
        for (NetworkPlan n : plan.networks()) {
            assertThat(KubernetesNaming.isDns1123Label(n.name())).as(n.name()).isTrue();
            assertThat(n.bridge()).hasSizeLessThanOrEqualTo(KubernetesNaming.BRIDGE_MAX).matches("[a-z0-9]+");
            assertThat(nads.add(n.name())).as("unique network " + n.name()).isTrue();
            assertThat(bridges.add(n.bridge())).isTrue();
        }
        Set<String> ingresses = new HashSet<>();
        for (IngressPlan i : plan.ingresses()) {
            assertThat(KubernetesNaming.isDns1123Label(i.name())).as(i.name()).isTrue();
            assertThat(ingresses.add(i.name())).as("unique ingress " + i.name()).isTrue();
        }
    }

    @Property(tries = 500)
    void namespacesAndBridgesDifferBetweenLivelessons(@ForAll("dnsLabel") String instanceA,
            @ForAll("liveLessonId") String idA, @ForAll("dnsLabel") String instanceB, @ForAll("liveLessonId") String idB,
            @ForAll("prefix") String prefix) {
        String a = instanceA + "-" + idA;
        String b = instanceB + "-" + idB;
        if (a.equals(b)) {
            return;
        }
        assertThat(KubernetesNaming.namespace(prefix, a)).isNotEqualTo(KubernetesNaming.namespace(prefix, b));
        assertThat(KubernetesNaming.bridge(a, 0)).isNotEqualTo(KubernetesNaming.bridge(b, 0));
    }

    @Property(tries = 1000)
    void anyTextBecomesAValidNameAndDistinctTextsStayDistinct(@ForAll String x, @ForAll String y) {
        for (String t : List.of(x, y)) {
            assertThat(KubernetesNaming.isDns1123Label(KubernetesNaming.dns1123(t))).as(t).isTrue();
            assertThat(KubernetesNaming.isDns1035Label(KubernetesNaming.dns1035(t))).as(t).isTrue();
            assertThat(KubernetesNaming.isLabelValue(KubernetesNaming.labelValue(t))).as(t).isTrue();
        }
        if (!x.equals(y)) {
            assertThat(KubernetesNaming.dns1123(x)).isNotEqualTo(KubernetesNaming.dns1123(y));
            assertThat(KubernetesNaming.dns1035(x)).isNotEqualTo(KubernetesNaming.dns1035(y));
            assertThat(KubernetesNaming.labelValue(x)).isNotEqualTo(KubernetesNaming.labelValue(y));
        }
    }

    @Property(tries = 25)
    void theSameInputGivesTheSameBytes(@ForAll("liveLessonId") String id, @ForAll("lesson") Lesson lesson,
            @ForAll Flavor flavor) {
        if (synthesizer == null) {
            synthesizer = new KubernetesStackSynthesizer(config("ptr", ""), Map.of("imageVersion", "v1"));
        }
        StackRequest request = request("ptr", id, "s", lesson, flavor);
        String first = synthesizer.synth(request).json();
        String second = synthesizer.synth(request("ptr", id, "s", lesson, flavor)).json();
        assertThat(second).isEqualTo(first);
    }

    @AfterContainer
    static void close() throws IOException {
        if (synthesizer != null) {
            synthesizer.close();
        }
        try (var files = Files.walk(GUIDES)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
