package io.antidote.tf.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.config.ConfigLoader;
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
        var expected = Synthesizers.expectedRequirements(ConfigLoader.load(Path.of("examples/antidote.yml")));
        List<Path> committed;
        try (Stream<Path> s = Files.list(Path.of("stacks/stacks"))) {
            committed = s.map(d -> d.resolve("cdk.tf.json")).toList();
        }
        assertThat(committed).isNotEmpty().allSatisfy(f -> assertThat(StackModule.requirementsOf(Files.readString(f)))
                .as(f + " (kept up to date by StacksUpToDateTest)").isEqualTo(expected));
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
}
