package io.antidote.tf.stack.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.stack.StackFixtures;
import io.antidote.tf.stack.SynthesizedStack;
import io.antidote.tf.stack.TerraformCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthesized stacks pass the real terraform init, validate and an offline plan with mock credentials. */
class AwsStackPlanIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AntidoteConfig CONFIG = StackFixtures.config(false, StackFixtures.aws(2));
    private static AwsStackSynthesizer synthesizer;

    @BeforeAll
    static void start() {
        synthesizer = new AwsStackSynthesizer(CONFIG, StackFixtures.buildInfo());
    }

    @AfterAll
    static void stop() {
        synthesizer.close();
    }

    @Test
    void theNetworkLessonPlans(@TempDir Path dir) throws Exception {
        Map<String, Integer> planned = plan(dir, StackFixtures.networkLesson(), 1);
        assertThat(planned).containsEntry("aws_route53_record", 4 + 3).containsEntry("aws_lb_target_group", 3)
                .containsEntry("aws_lb_listener_rule", 3).containsEntry("aws_instance", 1)
                .containsEntry("aws_ssm_association", 1).containsEntry("terraform_data", 1);
        assertThat(planned.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(31);
        // 1 group + 5 ingress (self, scheduler, ALB on 8080/3000/8888) + 4 egress, ENI, host, zone, 4 records + 3 aliases,
        // 3 target groups + 3 attachments + 3 rules, stage trigger, association
    }

    @Test
    void theSimpleLessonPlans(@TempDir Path dir) throws Exception {
        Map<String, Integer> planned = plan(dir, StackFixtures.simpleLesson(), 0);
        assertThat(planned).doesNotContainKey("aws_lb_target_group").containsEntry("aws_route53_record", 1);
        assertThat(planned.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(13);
        // 1 group + 2 ingress + 4 egress, ENI, host, zone, 1 record, stage trigger, association
    }

    /** Resources planned for creation, by type; asserts they are exactly the stack's resources. */
    private static Map<String, Integer> plan(Path dir, Lesson lesson, int stage) throws Exception {
        TerraformCommands tf = TerraformCommands.require();
        SynthesizedStack stack = synthesizer.synth(StackFixtures.request(CONFIG, lesson, stage, "plan000001"));
        Files.writeString(dir.resolve("main.tf.json"), stack.json());
        tf.ok(dir, "init", "-input=false", "-no-color");
        tf.ok(dir, "validate", "-no-color");
        tf.ok(dir, "plan", "-input=false", "-no-color", "-lock=false", "-out=plan.bin");
        JsonNode plan = JSON.readTree(tf.ok(dir, "show", "-json", "plan.bin").stdout());
        JsonNode schemas = JSON.readTree(tf.ok(dir, "providers", "schema", "-json").stdout())
                .path("provider_schemas").path("registry.terraform.io/hashicorp/aws").path("resource_schemas");
        assertThat(schemas.size()).as("the AWS provider's resource types").isGreaterThan(100);
        Map<String, Integer> created = new TreeMap<>();
        for (JsonNode change : plan.get("resource_changes")) {
            assertThat(change.at("/change/actions").toString()).isEqualTo("[\"create\"]");
            String type = change.get("type").asText();
            created.merge(type, 1, Integer::sum);
            // the livelesson's tags reach every resource that takes tags (they are on the resources, not the provider)
            boolean takesTags = schemas.path(type).at("/block/attributes").has("tags");
            assertThat(takesTags).as(type).isEqualTo(!AwsTags.UNTAGGABLE.contains(type) && !type.equals("terraform_data"));
            if (takesTags && !AwsTags.TAGS_TOO_NEW.contains(type)) {
                assertThat(change.at("/change/after/tags_all/liveLesson").asText()).as(type).isEqualTo("plan000001");
                assertThat(change.at("/change/after/tags_all/antidoteManaged").asText()).as(type).isEqualTo("yes");
            }
        }
        Map<String, Integer> declared = new TreeMap<>();
        JSON.readTree(stack.json()).get("resource").fields()
                .forEachRemaining(e -> declared.put(e.getKey(), e.getValue().size()));
        assertThat(created).isEqualTo(declared);
        assertThat(plan.at("/planned_values/outputs/stage/value").asText()).isEqualTo(String.valueOf(stage));
        return created;
    }
}
