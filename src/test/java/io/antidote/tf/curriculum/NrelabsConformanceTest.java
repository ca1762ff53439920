package io.antidote.tf.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.lesson.Tier;
import io.antidote.tf.testing.Requirements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real NRE Labs curriculum (shared/curriculum/nrelabs beside the repository) loads with exactly one broken
 * lesson: pentesting-automated uses images that have no metadata.
 */
class NrelabsConformanceTest {
    private static LoadResult result;

    @BeforeAll
    static void load() {
        result = CurriculumLoader.load(Requirements.sharedCurriculum());
    }

    @Test
    void onlyPentestingAutomatedIsBrokenForItsTwoImagesWithoutMetadata() {
        assertThat(result.problems()).extracting(Problem::format).containsExactly(
                "lessons/pentesting-automated/lesson.meta.yaml: endpoints[0].image: image \"wordpress\" has no metadata "
                        + "(images/wordpress/image.meta.yaml does not exist)",
                "lessons/pentesting-automated/lesson.meta.yaml: endpoints[1].image: image \"kali\" has no metadata "
                        + "(images/kali/image.meta.yaml does not exist)");
    }

    @Test
    void thirteenLessonsFourteenImagesAndSixCollectionsLoad() {
        assertThat(result.curriculum().lessons()).hasSize(13).doesNotContainKey("pentesting-automated")
                .containsKeys("linux-basics", "napalm-multi-vendor-network-automation", "jsnapy-network-testing");
        assertThat(result.curriculum().images()).hasSize(14);
        assertThat(result.curriculum().collections()).hasSize(6);
        assertThat(result.curriculum().info().name()).isEqualTo("nrelabs");
    }

    @Test
    void configurationFilesAreFoundFromTheConfigsDirectories() {
        Lesson ansible = result.curriculum().lesson("ansible-network-automation").orElseThrow();
        assertThat(ansible.endpoint("vqfx1").orElseThrow().configurationFile()).isEqualTo("vqfx1-junos.txt");
        assertThat(ansible.endpoint("cvx1").orElseThrow().configurationFile()).isEqualTo("cvx1.py");
        Lesson jsnapy = result.curriculum().lesson("jsnapy-network-testing").orElseThrow();
        assertThat(jsnapy.readyDelay()).isEqualTo(20);
        assertThat(jsnapy.connections()).extracting(c -> c.subnet()).containsExactly("10.12.0.0/24", "10.23.0.0/24", "10.31.0.0/24");
    }

    @Test
    void aProdInstanceLeavesOutThePtrLesson() {
        assertThat(TierFilter.offeredBy(result.curriculum(), Tier.PROD).lessons())
                .hasSize(12).doesNotContainKey("cumulus-linux-introduction");
    }
}
