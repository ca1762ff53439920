package io.antidote.tf.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/configuration.md documents every key the records accept, and its complete example is the defaults. */
class ConfigurationDocTest {
    private static final Path DOC = Path.of("docs/configuration.md");

    @Test
    void everyKeyIsDocumented() throws Exception {
        String doc = Files.readString(DOC);
        List<String> keys = new ArrayList<>();
        collect(AntidoteConfig.class, "", keys);
        assertThat(keys).contains("instanceId", "backendConfigs.terraform.runner.binary", "tracing.jaegerAgentPort");
        for (String key : keys) {
            assertThat(doc).as("docs/configuration.md documents " + key).contains("`" + key + "`");
        }
    }

    @Test
    void theCompleteExampleParsesToTheDefaults() throws Exception {
        Matcher m = Pattern.compile("## A complete example.*?```yaml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOC));
        assertThat(m.find()).isTrue();
        Path origin = Path.of("/etc/antidote/antidote.yaml");
        AntidoteConfig example = ConfigLoader.parse(m.group(1), origin);
        AntidoteConfig defaults = ConfigLoader.parse("instanceId: nrelabs\ncurriculumDir: ../nrelabs-curriculum\n", origin);
        assertThat(example).isEqualTo(defaults);
    }

    private static void collect(Class<?> type, String prefix, List<String> keys) {
        for (RecordComponent c : type.getRecordComponents()) {
            JsonProperty name = c.getAccessor().getAnnotation(JsonProperty.class);
            String key = prefix + (name == null ? c.getName() : name.value());
            keys.add(key);
            if (c.getType().isRecord()) {
                collect(c.getType(), key + ".", keys);
            }
        }
    }
}
