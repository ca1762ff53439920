package io.antidote.tf.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.config.AwsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** modules/foundation passes terraform init + validate, and its outputs are exactly the AwsConfig keys. */
class FoundationModuleIT {
    private static final Path MODULE = Path.of("modules/foundation");

    @Test
    void validates(@TempDir Path dir) throws Exception {
        TerraformCommands tf = TerraformCommands.require();
        try (Stream<Path> files = Files.list(MODULE)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".tf")).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        tf.ok(dir, "init", "-backend=false", "-input=false", "-no-color");
        assertThat(tf.ok(dir, "validate", "-no-color").stdout()).contains("The configuration is valid");
    }

    @Test
    void outputsMapOneToOneToAwsConfigKeys() throws Exception {
        Set<String> outputs = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^output \"([a-z0-9_]+)\"").matcher(Files.readString(MODULE.resolve("outputs.tf")));
        while (m.find()) {
            outputs.add(m.group(1));
        }
        Set<String> keys = Arrays.stream(AwsConfig.class.getRecordComponents())
                .map(c -> c.getName().replaceAll("([A-Z])", "_$1").toLowerCase())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(outputs).isEqualTo(keys);
    }
}
