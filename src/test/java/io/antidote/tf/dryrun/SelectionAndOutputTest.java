package io.antidote.tf.dryrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antidote.tf.curriculum.CurriculumLoader;
import io.antidote.tf.curriculum.LoadResult;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.lesson.Tier;
import io.antidote.tf.testing.Requirements;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lesson selection (tiers, broken lessons), deterministic IDs and CDKTF's manifest format. */
class SelectionAndOutputTest {
    static Path nrelabs() {
        return Requirements.sharedCurriculum();
    }

    @Test
    void allTakesTheOfferedLessonsAndReportsBrokenDirectories() {
        LoadResult loaded = CurriculumLoader.load(nrelabs());
        LessonSelection local = LessonSelection.of(loaded, Tier.LOCAL, List.of());
        assertThat(local.lessons()).hasSize(13);
        assertThat(local.invalid()).extracting(InvalidLesson::name).containsExactly("pentesting-automated");
        assertThat(local.invalid().get(0).problems()).hasSize(2);
        assertThat(LessonSelection.of(loaded, Tier.PROD, List.of()).lessons()).extracting(Lesson::slug)
                .hasSize(12).doesNotContain("cumulus-linux-introduction");
    }

    @Test
    void namedLessonsKeepTheirOrderAndUnknownOrUnofferedOnesAreUsageErrors() {
        LoadResult loaded = CurriculumLoader.load(nrelabs());
        LessonSelection named = LessonSelection.of(loaded, Tier.PROD,
                List.of("yaml-introduction", "pentesting-automated", "linux-basics", "yaml-introduction"));
        assertThat(named.lessons()).extracting(Lesson::slug).containsExactly("yaml-introduction", "linux-basics");
        assertThat(named.invalid()).extracting(InvalidLesson::name).containsExactly("pentesting-automated");
        assertThatThrownBy(() -> LessonSelection.of(loaded, Tier.PROD, List.of("nope")))
                .isInstanceOfSatisfying(DryRunException.class, e -> assertThat(e.usage()).isTrue())
                .hasMessageContaining("no lesson 'nope'").hasMessageContaining("linux-basics");
        assertThatThrownBy(() -> LessonSelection.of(loaded, Tier.PROD, List.of("cumulus-linux-introduction")))
                .hasMessageContaining("tier ptr");
    }

    @Test
    void idsAreTenLowerCaseCharactersStablePerSlug() {
        assertThat(DryRunIds.liveLessonId("linux-basics")).matches("[a-z0-9]{10}")
                .isEqualTo(DryRunIds.liveLessonId("linux-basics")).isNotEqualTo(DryRunIds.liveLessonId("linux-basic"));
    }

    @Test
    void theManifestIsCdktfsByteForByte() {
        // written by cdktf 0.19.2's App.synth() for one TerraformStack named "my-stack"
        String cdktf = "{\n  \"version\": \"0.19.2\",\n  \"stacks\": {\n    \"my-stack\": {\n      \"name\": \"my-stack\",\n"
                + "      \"constructPath\": \"my-stack\",\n      \"workingDirectory\": \"stacks/my-stack\",\n"
                + "      \"synthesizedStackPath\": \"stacks/my-stack/cdk.tf.json\",\n      \"annotations\": [],\n"
                + "      \"dependencies\": []\n    }\n  }\n}";
        assertThat(CdktfOutput.manifest(List.of("my-stack"))).isEqualTo(cdktf);
        assertThat(CdktfOutput.manifest(List.of())).isEqualTo("{\n  \"version\": \"0.19.2\",\n  \"stacks\": {}\n}");
    }
}
