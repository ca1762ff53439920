package io.antidote.tf.stack.aws;

import io.antidote.tf.sink.TerraformString;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The livelesson's tags on each of its resources that takes tags (not the provider's {@code default_tags}): the
 * provider configuration then is the same for every livelesson of an instance, so a batch root of many lessons'
 * stacks runs one provider for all of them (docs/performance.md, "Batch mode"). Each value is a Terraform literal:
 * the livesession ID comes from the API, and CDKTF escapes plain strings in some runs and not in others (a test saw
 * both in one build), so the stack does not rely on it.
 */
final class AwsTags {
    /** The resource types of a lesson stack that have no {@code tags} argument in the AWS provider's schema. */
    static final Set<String> UNTAGGABLE = Set.of("aws_lb_target_group_attachment", "aws_route53_record");
    /**
     * The resource types of a lesson stack left untagged because not every provider version the stack admits
     * ({@link LessonProvider#VERSION_CONSTRAINT}) takes their tags: the SSM association's came in 5.58. It goes with
     * its stack; nothing finds it by tag.
     */
    static final Set<String> TAGS_TOO_NEW = Set.of("aws_ssm_association");

    private AwsTags() {
    }

    /** The livelesson's tags, each value a Terraform literal. */
    static Map<String, String> of(LessonInput in) {
        Map<String, String> literal = new LinkedHashMap<>();
        in.tags().forEach((k, v) -> literal.put(k, TerraformString.literal(v)));
        return literal;
    }

    /** The livelesson's tags and one more ({@code Name} of an instance); {@code value} is written as a literal. */
    static Map<String, String> with(LessonInput in, String key, String value) {
        Map<String, String> tags = of(in);
        tags.put(key, TerraformString.literal(value));
        return tags;
    }
}
