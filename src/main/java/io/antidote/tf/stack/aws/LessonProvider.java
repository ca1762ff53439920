package io.antidote.tf.stack.aws;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import io.antidote.tf.config.AwsConfig;

/**
 * The AWS provider block: the region, and in offline mode mock credentials with every check that would call AWS
 * switched off; online, no credentials (the default chain). Nothing of the livelesson: its tags are on its resources
 * ({@link AwsTags}), so every livelesson of an instance has the same provider configuration.
 */
final class LessonProvider {
    /** Admits the bindings' 5.23.1 and what runs here (5.100.0); not 6.x, whose schema differs. */
    static final String VERSION_CONSTRAINT = "~> 5.23";

    private LessonProvider() {
    }

    static void configure(TerraformStack stack, LessonInput in) {
        AwsConfig aws = in.aws();
        AwsProvider.Builder provider = AwsProvider.Builder.create(stack, "aws").region(aws.region());
        if (aws.offline()) {
            provider.accessKey("mock").secretKey("mock").skipCredentialsValidation(true).skipRequestingAccountId(true)
                    .skipMetadataApiCheck("true").skipRegionValidation(true);
        }
        provider.build();
        stack.addOverride("terraform.required_providers.aws.version", VERSION_CONSTRAINT);
    }
}
