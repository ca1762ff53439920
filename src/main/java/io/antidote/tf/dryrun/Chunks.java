package io.antidote.tf.dryrun;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a group of stacks into the roots planned side by side. terraform starts a root's provider instances one
 * at a time (two per stack: one to validate, one to plan, each about a third of a second of CPU for the AWS
 * provider), so one root keeps about one core busy: a group is split into as many roots as workers, and more when
 * a root would exceed {@code batchSize} stacks (every provider instance of a root is alive until its plan ends:
 * about 125 MB each for the AWS provider). Stacks are dealt largest first (by resource count) to the root with the
 * fewest resources so far that has room; each root keeps the group's order.
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
        int count = Math.min(n, Math.max(workers, (n + batchSize - 1) / batchSize));
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
}
