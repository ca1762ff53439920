package io.antidote.tf.stack.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.curriculum.CurriculumLoader;
import io.antidote.tf.dryrun.DryRunSettings;
import io.antidote.tf.dryrun.DryRunStacks;
import io.antidote.tf.lesson.Curriculum;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.stack.StackException;
import io.antidote.tf.stack.StackRequest;
import io.antidote.tf.testing.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every lesson of the example curriculum and of the NRE Labs curriculum, synthesized for Kubernetes at stage 0 with
 * its configuration, converted into the Kubernetes objects it creates, passes the strict model check and carries the
 * reference's semantics ({@link ReferenceSemantics}). No cluster and no kubernetes provider binary exist on the build
 * machines: the objects are what the provider would send (KubernetesObjects), checked against the API's model.
 */
class KubernetesCurriculaTest {
    private static final Path EXAMPLES = Path.of("examples/curriculum");
    private static KubernetesStackSynthesizer egressDenied;
    private static KubernetesStackSynthesizer egressAllowed;
    private static AntidoteConfig denied;
    private static AntidoteConfig allowed;

    @BeforeAll
    static void open() {
        denied = KubernetesFixtures.config(false, KubernetesFixtures.k8s(), EXAMPLES.toAbsolutePath());
        allowed = KubernetesFixtures.config(true, KubernetesFixtures.k8sWithClaim(), EXAMPLES.toAbsolutePath());
        egressDenied = new KubernetesStackSynthesizer(denied, Map.of("imageVersion", "v9.9.9"));
        egressAllowed = new KubernetesStackSynthesizer(allowed, Map.of("imageVersion", "v9.9.9"));
    }

    @AfterAll
    static void close() {
        egressDenied.close();
        egressAllowed.close();
    }

    @Test
    void everyExampleLessonPassesTheModelAndTheReferenceSemantics() throws Exception {
        List<String> checked = checkAll(EXAMPLES);
        assertThat(checked).containsExactly("linux-first-steps", "routed-pair", "web-dashboard");
    }

    @Test
    void everyNreLabsLessonPassesTheModelAndTheReferenceSemantics() throws Exception {
        Path beside = Path.of("..", "shared", "curriculum", "nrelabs");
        Path nrelabs = Requirements.path(Files.isDirectory(beside) ? beside : Path.of("/work/shared/curriculum/nrelabs"),
                "the shared NRE Labs curriculum");
        List<String> checked = checkAll(nrelabs);
        assertThat(checked).hasSizeGreaterThanOrEqualTo(13);
    }

    /** Synthesizes and checks every lesson of {@code dir}; returns the slugs checked. */
    private static List<String> checkAll(Path dir) throws Exception {
        Curriculum curriculum = CurriculumLoader.load(dir.toAbsolutePath()).curriculum();
        assertThat(curriculum.lessons()).isNotEmpty();
        List<String> checked = new ArrayList<>();
        for (Lesson lesson : new TreeMap<>(curriculum.lessons()).values()) {
            boolean hasPorts = lesson.endpoints().stream().allMatch(e -> !e.ports().isEmpty());
            for (boolean allow : new boolean[] {false, true}) {
                AntidoteConfig config = allow ? allowed : denied;
                DryRunStacks stacks = new DryRunStacks(config, curriculum, DryRunSettings.defaults(),
                        allow ? egressAllowed : egressDenied);
                StackRequest request = stacks.request(lesson);
                if (!hasPorts) {
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> (allow ? egressAllowed : egressDenied)
                            .synth(request)).isInstanceOf(StackException.class).hasMessageContaining("has no port");
                    continue;
                }
                String json = (allow ? egressAllowed : egressDenied).synth(request).json();
                ReferenceSemantics.check(request, config, json);
                for (Image image : request.images().values()) {
                    for (String secret : List.of(image.configPassword(), image.sshPassword())) {
                        if (secret.length() >= 8) {
                            assertThat(json).as(lesson.slug() + ": no password in the stack").doesNotContain(secret);
                        }
                    }
                }
            }
            if (hasPorts) {
                checked.add(lesson.slug());
            }
        }
        return checked;
    }
}
