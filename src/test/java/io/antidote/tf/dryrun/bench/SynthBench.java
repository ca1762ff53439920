package io.antidote.tf.dryrun.bench;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.ConfigLoader;
import io.antidote.tf.curriculum.CurriculumLoader;
import io.antidote.tf.dryrun.DryRunSettings;
import io.antidote.tf.dryrun.DryRunStacks;
import io.antidote.tf.dryrun.RecyclingSynthesizer;
import io.antidote.tf.lesson.Curriculum;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.stack.aws.AwsStackSynthesizer;
import io.antidote.tf.stack.kubernetes.KubernetesStackSynthesizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Synthesis benchmark (bin/bench-synth): the largest lesson of a curriculum (most endpoints + connections), cold
 * first synth, warm p50/p95, and the resident memory of this JVM and of the jsii node child after 100, 500 and
 * 1,000 synths. Arguments: config, curriculum, synths (default 1000), recycle-every (default: never).
 */
public final class SynthBench {
    private static final Set<Integer> CHECKPOINTS = Set.of(100, 500, 1000, 2000);

    public static void main(String[] args) throws Exception {
        AntidoteConfig config = ConfigLoader.load(Path.of(args[0]));
        Curriculum curriculum = CurriculumLoader.load(Path.of(args[1])).curriculum();
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int every = args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE;
        Lesson lesson = curriculum.lessons().values().stream()
                .max(Comparator.comparingInt((Lesson l) -> l.endpoints().size() + l.connections().size()))
                .orElseThrow();
        System.out.printf(Locale.ROOT, "lesson %s: %d endpoints, %d connections; %d synths, recycle every %s%n",
                lesson.slug(), lesson.endpoints().size(), lesson.connections().size(), count,
                every == Integer.MAX_VALUE ? "never" : every);
        try (RecyclingSynthesizer synth = new RecyclingSynthesizer(
                () -> config.backendConfigs().terraform().target().equals("kubernetes")
                        ? new KubernetesStackSynthesizer(config, Map.of("imageVersion", "latest"))
                        : new AwsStackSynthesizer(config, Map.of("imageVersion", "latest")), every)) {
            DryRunStacks stacks = new DryRunStacks(config, curriculum, DryRunSettings.defaults(), synth);
            List<Long> warm = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                long t0 = System.nanoTime();
                stacks.synth(lesson);
                long ns = System.nanoTime() - t0;
                if (i == 1) {
                    System.out.printf(Locale.ROOT, "cold first synth: %d ms%n", ns / 1_000_000);
                } else {
                    warm.add(ns);
                }
                if (CHECKPOINTS.contains(i)) {
                    System.gc();
                    System.out.printf(Locale.ROOT, "after %4d synths: JVM RSS %5d MB, heap used %4d MB, node RSS %5d MB,"
                            + " warm p50 %.1f ms, p95 %.1f ms, runtimes replaced %d%n", i, rssMb(ProcessHandle.current().pid()),
                            heapMb(), nodeRssMb(), pct(warm, 50), pct(warm, 95), synth.recycled());
                }
            }
        }
    }

    private static double pct(List<Long> ns, int p) {
        List<Long> sorted = ns.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }

    private static long heapMb() {
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }

    private static long nodeRssMb() {
        return ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").contains("node"))
                .mapToLong(p -> rssMb(p.pid())).sum();
    }

    /** VmRSS from /proc/<pid>/status, in MB. */
    static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
