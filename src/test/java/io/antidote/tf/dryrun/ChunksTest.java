package io.antidote.tf.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antidote.tf.stack.SynthesizedStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class ChunksTest {
    @Test
    void asManyRootsAsWorkersBalancedByResourcesInGroupOrder() {
        List<StackModule> group = group(17, 5, 5, 4, 3, 3, 2, 1);
        List<List<StackModule>> roots = Chunks.split(group, 2, 20);
        assertThat(roots).hasSize(2);
        assertThat(roots).allSatisfy(r -> assertThat(r).hasSizeLessThanOrEqualTo(4));
        assertThat(roots.stream().mapToInt(List::size).sum()).isEqualTo(8);
        int[] weights = roots.stream().mapToInt(r -> r.stream().mapToInt(StackModule::resources).sum()).toArray();
        assertThat(Math.abs(weights[0] - weights[1])).isLessThanOrEqualTo(17);
        assertThat(weights[0]).isGreaterThanOrEqualTo(weights[1]);
        for (List<StackModule> r : roots) {
            assertThat(r).isSortedAccordingTo((x, y) -> Integer.compare(group.indexOf(x), group.indexOf(y)));
        }
    }

    @Test
    void moreRootsWhenOneWouldExceedTheBatchSizeAndNoMoreRootsThanStacks() {
        List<List<StackModule>> roots = Chunks.split(group(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), 2, 3);
        assertThat(roots).hasSize(4);
        assertThat(roots).allSatisfy(r -> assertThat(r.size()).isBetween(2, 3));
        assertThat(Chunks.split(group(4, 4), 8, 20)).hasSize(2);
        assertThat(Chunks.split(group(4), 2, 20)).hasSize(1);
        assertThat(Chunks.split(List.of(), 2, 20)).isEmpty();
    }

    @Test
    void stacksThatShareTheirProviderConfigurationsAreSplitOnlyByTheBatchSize() {
        assertThat(Chunks.split(shared(17, 5, 5, 4, 3, 3, 2, 1), 2, 20)).singleElement().asList().hasSize(8);
        List<List<StackModule>> bySize = Chunks.split(shared(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), 2, 4);
        assertThat(bySize).hasSize(3).allSatisfy(r -> assertThat(r.size()).isBetween(3, 4));
        assertThat(Chunks.split(none(3, 2, 1), 2, 20)).as("stacks without provider configurations").hasSize(1);
        List<StackModule> mixed = new ArrayList<>(shared(3, 2, 1));
        mixed.addAll(group(4));
        assertThat(Chunks.ownConfigurations(mixed)).isTrue();
        assertThat(Chunks.split(mixed, 2, 20)).as("one stack with a configuration of its own").hasSize(2);
    }

    /** Stacks each with a provider configuration of its own. */
    private static List<StackModule> group(int... resources) {
        return modules(i -> Map.of("aws", config("region-" + i)), resources);
    }

    /** Stacks with the same provider configuration. */
    private static List<StackModule> shared(int... resources) {
        return modules(i -> Map.of("aws", config("us-east-1")), resources);
    }

    /** Stacks without provider configurations (built-in resources only). */
    private static List<StackModule> none(int... resources) {
        return modules(i -> Map.of(), resources);
    }

    private static ObjectNode config(String region) {
        return new ObjectMapper().createObjectNode().put("region", region);
    }

    private static List<StackModule> modules(IntFunction<Map<String, ObjectNode>> providers, int... resources) {
        List<StackModule> out = new ArrayList<>();
        for (int i = 0; i < resources.length; i++) {
            String slug = "l" + i + "-" + resources.length;
            out.add(new StackModule(new LessonStack(slug, "id" + i, new SynthesizedStack("s" + i, "{}")), slug,
                    new ObjectMapper().createObjectNode(), new ObjectMapper().createObjectNode(), providers.apply(i),
                    resources[i]));
        }
        return out;
    }
}
