package io.antidote.tf.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.stack.SynthesizedStack;
import io.antidote.tf.terraform.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stacks as modules of a batch root: which can be, the files written, and naming a diagnostic's lesson. */
class BatchRootTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AWS = """
            {"terraform": {"required_providers": {"aws": {"source": "aws", "version": "~> 5.23"}}},
             "provider": {"aws": [{"region": "us-east-1", "default_tags": [{"tags": {"lessonSlug": "%s"}}]}]},
             "resource": {"aws_instance": {"host": {"ami": "ami-1"}},
                          "aws_route53_record": {"a": {"name": "a"}, "b": {"name": "b"}}},
             "output": {"host_id": {"value": "${aws_instance.host.id}"}}}
            """;
    @TempDir
    Path temp;

    @Test
    void aStackBecomesAModuleWithItsProviderConfigurationInTheRootUnderItsAlias() throws Exception {
        StackModule a = module("web-dashboard", AWS.formatted("web-dashboard"));
        StackModule b = module("linux-first-steps", AWS.formatted("linux-first-steps"));
        assertThat(a.resources()).isEqualTo(3);
        assertThat(a.requirements()).isEqualTo(b.requirements());
        BatchRoot.write(temp, a.requirements(), List.of(a, b));

        assertThat(read("main.tf.json").at("/terraform/required_providers/aws/version").asText()).isEqualTo("~> 5.23");
        assertThat(read("main.tf.json").has("provider")).isFalse();
        JsonNode lesson = read("lesson-web-dashboard.tf.json");
        assertThat(lesson.at("/module/web-dashboard/source").asText()).isEqualTo("./stacks/web-dashboard");
        assertThat(lesson.at("/module/web-dashboard/providers/aws").asText()).isEqualTo("aws.web-dashboard");
        assertThat(lesson.at("/provider/aws/0/alias").asText()).isEqualTo("web-dashboard");
        assertThat(lesson.at("/provider/aws/0/default_tags/0/tags/lessonSlug").asText()).isEqualTo("web-dashboard");
        JsonNode module = read("stacks/web-dashboard/cdk.tf.json");
        assertThat(module.has("provider")).isFalse();
        assertThat(module.at("/output/host_id/value").asText()).isEqualTo("${aws_instance.host.id}");
        assertThat(module.at("/terraform/required_providers/aws/source").asText()).isEqualTo("aws");

        BatchRoot.remove(temp, "web-dashboard");
        assertThat(temp.resolve("lesson-web-dashboard.tf.json")).doesNotExist();
        assertThat(temp.resolve("stacks/web-dashboard")).doesNotExist();
        assertThat(temp.resolve("stacks/linux-first-steps/cdk.tf.json")).exists();
    }

    @Test
    void stacksWithTheSameProviderConfigurationShareOneInTheRoot() throws Exception {
        String east = AWS.replace("%s", "same");
        String west = AWS.replace("%s", "same").replace("us-east-1", "us-west-2");
        StackModule a = module("a", east);
        StackModule b = module("b", east);
        StackModule c = module("c", AWS.formatted("c"));
        StackModule d = module("d", west);
        StackModule e = module("e", west);
        BatchRoot.write(temp, a.requirements(), List.of(a, b, c, d, e));

        JsonNode configs = read("main.tf.json").at("/provider/aws");
        assertThat(configs).hasSize(2);
        assertThat(configs.get(0).has("alias")).isFalse();
        assertThat(configs.get(0).path("region").asText()).isEqualTo("us-east-1");
        assertThat(configs.get(1).path("alias").asText()).isEqualTo(BatchRoot.SHARED + "1");
        assertThat(configs.get(1).path("region").asText()).isEqualTo("us-west-2");
        for (String key : List.of("a", "b")) {
            JsonNode lesson = read("lesson-" + key + ".tf.json");
            assertThat(lesson.has("provider")).as(key).isFalse();
            assertThat(lesson.at("/module/" + key + "/providers/aws").asText()).isEqualTo("aws");
        }
        assertThat(read("lesson-d.tf.json").at("/module/d/providers/aws").asText()).isEqualTo("aws.Shared1");
        assertThat(read("lesson-e.tf.json").has("provider")).isFalse();
        JsonNode own = read("lesson-c.tf.json");
        assertThat(own.at("/provider/aws/0/alias").asText()).isEqualTo("c");
        assertThat(own.at("/module/c/providers/aws").asText()).isEqualTo("aws.c");
        assertThat(BatchRoot.keyOfAddress("provider[\"registry.terraform.io/hashicorp/aws\"].Shared1")
                .filter(Set.of("a", "b", "c", "d", "e")::contains)).as("a shared configuration names no lesson").isEmpty();
    }

    @Test
    void aStackWithoutProvidersIsAModuleWithoutAProvidersMap() throws Exception {
        StackModule local = module("lab", "{\"resource\":{\"terraform_data\":{\"host\":{\"input\":\"x\"}}}}");
        assertThat(local.requirements()).isEqualTo(JSON.createObjectNode());
        BatchRoot.write(temp, local.requirements(), List.of(local));
        assertThat(read("lesson-lab.tf.json").at("/module/lab").has("providers")).isFalse();
        assertThat(read("main.tf.json")).isEqualTo(JSON.createObjectNode());
    }

    @Test
    void theInitRootHasAPlaceholderModulePerLesson() throws Exception {
        JsonNode req = module("x", AWS.formatted("x")).requirements();
        BatchRoot.writeInitRoot(temp, req, List.of("a", "b"));
        assertThat(read("lesson-a.tf.json").at("/module/a/source").asText()).isEqualTo("./stacks/a");
        assertThat(read("stacks/b/cdk.tf.json").at("/terraform/required_providers")).isEqualTo(req);
    }

    @Test
    void onlyStacksThatMeanTheSameAsModulesAreBatched() {
        assertThat(why("{\"resource\":{}}")).isEmpty();
        assertThat(why("{\"variable\":{\"v\":{\"default\":1}}}")).isEmpty();
        assertThat(why("{\"module\":{\"m\":{\"source\":\"./m\"}}}")).contains("it calls modules");
        assertThat(why("{\"import\":[{\"to\":\"a.b\",\"id\":\"i\"}]}")).contains("it has import blocks");
        assertThat(why("{\"terraform\":{\"backend\":{\"s3\":{}}}}")).contains("it configures a backend");
        assertThat(why("{\"terraform\":{\"cloud\":{}}}")).contains("it configures a backend");
        assertThat(why("{\"variable\":{\"v\":{}}}")).contains("it has a variable without a default");
        assertThat(why("{\"provider\":{\"aws\":[{\"alias\":\"x\"}]}}")).contains("it has an aliased provider configuration");
        assertThat(why("{\"provider\":{\"aws\":[{},{\"alias\":\"x\"}]}}")).isPresent();
        assertThat(why("{\"provider\":{\"aws\":{\"region\":\"r\"}}}")).isEmpty();
        LessonStack broken = new LessonStack("l", "id", new SynthesizedStack("s", "{not json"));
        assertThat(StackModule.of(broken, "l")).isEmpty();
    }

    @Test
    void moduleKeysAreTheSlugOrASafeDigestOfIt() {
        assertThat(ModuleKeys.of("web-dashboard")).isEqualTo("web-dashboard");
        for (String hostile : List.of("-starts-with-hyphen", "../../etc", "a.b", "x\"]}", "${path.root}", "",
                "a".repeat(65))) {
            assertThat(ModuleKeys.of(hostile)).as(hostile).matches("lesson_[0-9a-f]{12}");
        }
        assertThat(ModuleKeys.of("../x")).isNotEqualTo(ModuleKeys.of("../y"));
    }

    @Test
    void aDiagnosticNamesItsLessonByFileOrAddress() {
        assertThat(BatchRoot.keyOfFile("stacks/config-backup/cdk.tf.json")).contains("config-backup");
        assertThat(BatchRoot.keyOfFile("lesson-ansible.tf.json")).contains("ansible");
        assertThat(BatchRoot.keyOfFile("main.tf.json")).isEmpty();
        assertThat(BatchRoot.keyOfFile("")).isEmpty();
        assertThat(BatchRoot.keyOfAddress("module.config-backup.aws_security_group.lesson")).contains("config-backup");
        assertThat(BatchRoot.keyOfAddress("module.x")).contains("x");
        assertThat(BatchRoot.keyOfAddress("provider[\"registry.terraform.io/hashicorp/aws\"].ansible")).contains("ansible");
        assertThat(BatchRoot.keyOfAddress("aws_instance.host")).isEmpty();
        assertThat(BatchRoot.keyOfAddress("provider[\"registry.terraform.io/hashicorp/aws\"]")).isEmpty();

        Set<String> keys = Set.of("a", "b", "c");
        Attribution blame = Attribution.of(List.of(
                new Diagnostic("error", "invalid value for name", "", "module.a.aws_security_group.lesson",
                        "stacks/a/cdk.tf.json"),
                new Diagnostic("error", "invalid AWS Region", "", "provider[\"registry.terraform.io/hashicorp/aws\"].b",
                        "lesson-b.tf.json"),
                new Diagnostic("error", "Reference to undeclared resource", "", "", "stacks/a/cdk.tf.json"),
                new Diagnostic("warning", "deprecated", "", "", "")), keys);
        assertThat(blame.lessons()).containsExactlyInAnyOrder("a", "b");
        assertThat(blame.complete()).isTrue();
        Attribution partly = Attribution.of(List.of(new Diagnostic("error", "x", "", "module.a.r.n", ""),
                new Diagnostic("error", "Failed to load plugin schemas", "", "", ""),
                new Diagnostic("error", "y", "", "module.zzz.r.n", "stacks/zzz/cdk.tf.json")), keys);
        assertThat(partly.lessons()).containsExactly("a");
        assertThat(partly.unattributed()).hasSize(2);
        assertThat(partly.complete()).isFalse();
        assertThat(Attribution.of(List.of(), keys).complete()).as("a failure with no error diagnostic").isFalse();
    }

    private JsonNode read(String file) throws Exception {
        return JSON.readTree(Files.readString(temp.resolve(file)));
    }

    private static StackModule module(String slug, String json) {
        return StackModule.of(new LessonStack(slug, "id", new SynthesizedStack("s-" + slug, json)), slug).orElseThrow();
    }

    private static java.util.Optional<String> why(String json) {
        try {
            return StackModule.whyNot((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
