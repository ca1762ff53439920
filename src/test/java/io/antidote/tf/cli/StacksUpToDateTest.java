package io.antidote.tf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed stacks/ is exactly what `bin/regenerate-stacks` writes now: AWS stacks, then Kubernetes ones inside. */
class StacksUpToDateTest {
    private static final Path COMMITTED = Path.of("stacks");
    private static final Path KUBERNETES_CONFIG = Path.of("examples/kubernetes.yml");
    private static final String HINT = "stacks/ is stale: run bin/regenerate-stacks and commit the result";

    @Test
    void committedStacksMatchAFreshSynth(@TempDir Path temp) throws Exception {
        Path fresh = temp.resolve("stacks");
        Cli.Result r = Cli.run("synth", "--config", Cli.EXAMPLE_CONFIG.toString(), "--all", "--out", fresh.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Cli.Result k = Cli.run("synth", "--config", KUBERNETES_CONFIG.toString(), "--all", "--out",
                fresh.resolve("kubernetes").toString());
        assertThat(k.exitCode()).as(k.err()).isZero();
        assertThat(fresh.resolve("kubernetes/stacks")).isDirectoryContaining(p -> p.endsWith("routed-pair"));
        assertThat(files(COMMITTED)).as(HINT).isEqualTo(files(fresh));
        for (String f : files(fresh)) {
            assertThat(Files.readString(COMMITTED.resolve(f))).as(HINT + " (" + f + ")")
                    .isEqualTo(Files.readString(fresh.resolve(f)));
        }
    }

    private static List<String> files(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
