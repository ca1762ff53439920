package io.antidote.tf.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** CDKTF stays behind the seam: only the AWS and Kubernetes target packages import CDKTF, constructs or jsii. */
class CdktfSeamTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final List<String> TARGETS = List.of("io/antidote/tf/stack/aws/", "io/antidote/tf/stack/kubernetes/");

    @Test
    void onlyTheTargetPackagesImportCdktf() throws IOException {
        List<String> offenders = new ArrayList<>();
        int importers = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String rel = SOURCES.relativize(f).toString().replace('\\', '/');
                boolean imports = Files.readAllLines(f).stream().anyMatch(l -> l.startsWith("import com.hashicorp.")
                        || l.startsWith("import software.constructs.") || l.startsWith("import software.amazon.jsii."));
                if (imports && TARGETS.stream().noneMatch(rel::startsWith)) {
                    offenders.add(rel);
                }
                importers += imports ? 1 : 0;
            }
        }
        assertThat(importers).as("the targets do import CDKTF").isGreaterThan(4);
        assertThat(offenders).as("files importing CDKTF outside stack/aws and stack/kubernetes").isEmpty();
    }
}
