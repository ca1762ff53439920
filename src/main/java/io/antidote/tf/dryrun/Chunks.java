package io.antidote.tf.dryrun;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a group of stacks into the roots planned side by side. terraform runs one provider process per provider
 * configuration of a root ({@link BatchRoot} writes a configuration several stacks have alike once), and starting
 * one (loading its schema) is most of what a small plan costs:
 * <ul>
 *   <li>when every stack's provider configurations are shared with another stack of the group (the AWS stacks of
 *       one instance; or it has none), each root loads each provider once, and one root of many stacks plans faster
 *       than several smaller ones side by side (terraform walks a root's graph in parallel): the group is split only
 *       where a root would exceed {@code batchSize} stacks;</li>
 *   <li>when some stack has a configuration of its own, each such stack starts its own provider instances one at a
 *       time, so one root keeps about one core busy: the group is split into as many roots as workers, and more
 *       when a root would exceed {@code batchSize} stacks.</li>
 * </ul>
 * Stacks are dealt largest first (by resource count) to the root with the fewest resources so far that has room;
 * each root keeps the group's order. Measured in docs/performance.md, "Batch mode".
 */
final class Chunks {
    private Chunks() {
    }

    static List<List<StackModule>> split(List<StackModule> group, int workers, int batchSize) {
        if (workers < 1 || batchSize < 1) {
            throw new IllegalArgumentException("workers and batchSize must be at least 1");
        }
        int n = group.size();
        if (n == 0) {
            return List.of();
        }
        int bySize = (n + batchSize - 1) / batchSize;
        int count = Math.min(n, ownConfigurations(group) ? Math.max(workers, bySize) : bySize);
        int room = (n + count - 1) / count;
        List<List<Integer>> chunks = new ArrayList<>();
        int[] weight = new int[count];
        for (int i = 0; i < count; i++) {
            chunks.add(new ArrayList<>());
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> -group.get(i).resources()).thenComparingInt(i -> i));
        for (int i : order) {
            int best = -1;
            for (int c = 0; c < count; c++) {
                if (chunks.get(c).size() < room && (best < 0 || weight[c] < weight[best])) {
                    best = c;
                }
            }
            chunks.get(best).add(i);
            weight[best] += group.get(i).resources();
        }
        List<List<StackModule>> out = new ArrayList<>();
        for (List<Integer> c : chunks) {
            c.sort(Comparator.naturalOrder());
            out.add(c.stream().map(group::get).toList());
        }
        out.sort(Comparator.comparingInt((List<StackModule> c) -> -c.stream().mapToInt(StackModule::resources).sum()));
        return List.copyOf(out);
    }

    /** Whether some stack of the group has a provider configuration no other stack of it has alike. */
    static boolean ownConfigurations(List<StackModule> group) {
        return StackModule.configurationUses(group).values().stream().flatMap(c -> c.values().stream())
                .anyMatch(count -> count < 2);
    }
}
