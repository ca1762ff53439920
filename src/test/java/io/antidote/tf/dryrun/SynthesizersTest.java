package io.antidote.tf.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.ConfigLoader;
import io.antidote.tf.curriculum.CurriculumLoader;
import io.antidote.tf.curriculum.LoadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the batch mode expects of each target's stacks before synthesis is what they have. */
class SynthesizersTest {
    @Test
    void theAwsTargetsExpectedRequirementsAreThoseOfItsStacks() throws Exception {
        assertExpectedAreThoseOfTheCommittedStacks("examples/antidote.yml", "stacks/stacks");
    }

    @Test
    void theLocalTargetsStacksRequireNoProvider(@TempDir Path temp) throws Exception {
        DryRunFixture f = new DryRunFixture(temp);
        var expected = Synthesizers.expectedRequirements(f.config());
        assertThat(expected).contains(new ObjectMapper().createObjectNode());
        DryRunStacks stacks = f.stacks(DryRunFixture.local(), DryRunSettings.defaults(), null);
        assertThat(f.lessons()).allSatisfy(l -> assertThat(StackModule.requirementsOf(stacks.synth(l).stack().json()))
                .isEqualTo(expected));
    }

    @Test
    void theKubernetesTargetsExpectedRequirementsAreThoseOfItsStacks() throws Exception {
        assertExpectedAreThoseOfTheCommittedStacks("examples/kubernetes.yml", "stacks/kubernetes/stacks");
    }

    @Test
    void theDockerTargetsStacksRequireNoProvider() {
        AntidoteConfig config = ConfigLoader.load(Path.of("examples/docker.yml"));
        var expected = Synthesizers.expectedRequirements(config);
        assertThat(expected).contains(new ObjectMapper().createObjectNode());
        LoadResult loaded = CurriculumLoader.load(config.curriculumDir());
        try (WarmSynthesizer synth = Synthesizers.open(config, DryRunSettings.defaults().imageVersion())) {
            DryRunStacks stacks = new DryRunStacks(config, loaded.curriculum(), DryRunSettings.defaults(), synth);
            assertThat(loaded.curriculum().lessons().values()).isNotEmpty().allSatisfy(l -> assertThat(
                    StackModule.requirementsOf(stacks.synth(l).stack().json())).as(l.slug()).isEqualTo(expected));
        }
    }

    /** The stacks committed in {@code stacksDir} (kept up to date by StacksUpToDateTest) require what is expected. */
    private static void assertExpectedAreThoseOfTheCommittedStacks(String configFile, String stacksDir)
            throws Exception {
        var expected = Synthesizers.expectedRequirements(ConfigLoader.load(Path.of(configFile)));
        assertThat(expected).isPresent();
        List<Path> committed;
        try (Stream<Path> s = Files.list(Path.of(stacksDir))) {
            committed = s.map(d -> d.resolve("cdk.tf.json")).toList();
        }
        assertThat(committed).isNotEmpty().allSatisfy(f -> assertThat(StackModule.requirementsOf(Files.readString(f)))
                .as(f.toString()).isEqualTo(expected));
    }
}
