package io.antidote.tf.stack.aws;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import io.antidote.tf.config.AwsConfig;
import java.util.List;

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
                .defaultTags(List.of(AwsProviderDefaultTags.builder().tags(in.tags()).build()));
        if (aws.offline()) {
            provider.accessKey("mock").secretKey("mock").skipCredentialsValidation(true).skipRequestingAccountId(true)
                    .skipMetadataApiCheck("true").skipRegionValidation(true);
        }
        provider.build();
        stack.addOverride("terraform.required_providers.aws.version", VERSION_CONSTRAINT);
    }
}
