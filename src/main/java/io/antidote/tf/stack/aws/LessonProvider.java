package io.antidote.tf.stack.aws;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import io.antidote.tf.config.AwsConfig;
import io.antidote.tf.sink.TerraformString;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AWS provider block: region, the livelesson's tags as {@code default_tags}, and in offline mode mock
 * credentials with every check that would call AWS switched off. Online, no credentials (the default chain).
 */
final class LessonProvider {
    /** Admits the bindings' 5.23.1 and what runs here (5.100.0); not 6.x, whose schema differs. */
    static final String VERSION_CONSTRAINT = "~> 5.23";

    private LessonProvider() {
    }

    static void configure(TerraformStack stack, LessonInput in) {
        AwsConfig aws = in.aws();
        AwsProvider.Builder provider = AwsProvider.Builder.create(stack, "aws").region(aws.region())
                .defaultTags(List.of(AwsProviderDefaultTags.builder().tags(literalValues(in.tags())).build()));
        if (aws.offline()) {
            provider.accessKey("mock").secretKey("mock").skipCredentialsValidation(true).skipRequestingAccountId(true)
                    .skipMetadataApiCheck("true").skipRegionValidation(true);
        }
        provider.build();
        stack.addOverride("terraform.required_providers.aws.version", VERSION_CONSTRAINT);
    }

    /**
     * The tags with each value as a Terraform literal: the livesession ID comes from the API. CDKTF escapes plain
     * strings in some runs and not in others (a test saw both in one build), so the stack does not rely on it.
     */
    private static Map<String, String> literalValues(Map<String, String> tags) {
        Map<String, String> literal = new LinkedHashMap<>();
        tags.forEach((k, v) -> literal.put(k, TerraformString.literal(v)));
        return literal;
    }
}
