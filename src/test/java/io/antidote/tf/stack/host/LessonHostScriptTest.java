package io.antidote.tf.stack.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.stack.StackFixtures;
import io.antidote.tf.stack.aws.AwsStackSynthesizer;
import io.antidote.tf.stack.docker.DockerStackSynthesizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What boots on EC2 is what the docker target runs: the very same bytes of lesson-host.sh. */
class LessonHostScriptTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SOURCE = Path.of("src/main/resources/io/antidote/tf/stack/host/lesson-host.sh");

    /** What terraform makes of a literal: the two template escapes undone (TerraformString's inverse, see SinkIT). */
    static String evaluated(String literal) {
        return literal.replace("$${", "${").replace("%%{", "%{");
    }

    @Test
    void theAwsUserDataCarriesTheScriptByteForByte() throws Exception {
        AntidoteConfig config = StackFixtures.config(false, StackFixtures.aws(1));
        String userData;
        try (AwsStackSynthesizer aws = new AwsStackSynthesizer(config, StackFixtures.buildInfo())) {
            JsonNode tree = JSON.readTree(aws.synth(StackFixtures.request(config, StackFixtures.networkLesson(), 0, "abc"))
                    .json());
            userData = evaluated(tree.at("/locals/user_data").asText());
        }
        Matcher m = Pattern.compile("cat >\"\\$STATE/lesson-host.sh\" <<'(ANTIDOTE_EOF_[0-9a-f]{24})'\n(.*?)\n\\1\n",
                Pattern.DOTALL).matcher(userData);
        assertThat(m.find()).as("a here-document writing lesson-host.sh").isTrue();
        assertThat(m.group(2) + "\n").isEqualTo(script());
        assertThat(userData.indexOf("cat >\"$STATE/plan.sh\"")).isLessThan(m.start());
        assertThat(userData.substring(m.end())).contains("bash \"$STATE/lesson-host.sh\" up\n");
    }

    @Test
    void theDockerTargetRunsTheSameBytes() throws Exception {
        AntidoteConfig config = StackFixtures.config(false, StackFixtures.aws(1));
        JsonNode tree = JSON.readTree(new DockerStackSynthesizer(config, StackFixtures.buildInfo())
                .synth(StackFixtures.request(config, StackFixtures.networkLesson(), 0, "abc")).json());
        assertThat(evaluated(tree.at("/resource/terraform_data/host/input/script").asText())).isEqualTo(script());
    }

    private static String script() throws Exception {
        String text = Files.readString(SOURCE, StandardCharsets.UTF_8);
        assertThat(LessonHostScript.text()).isEqualTo(text);
        return text;
    }
}
