package io.antidote.tf.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code backendConfigs.terraform.aws}: the foundation's outputs and the provider settings for the AWS target.
 * (Filled in by the AWS stack's issue.)
 */
public record AwsConfig(@JsonProperty("region") String region) {
    public AwsConfig {
        region = Checks.orDefault(region, "us-east-1");
    }

    public static AwsConfig defaults() {
        return new AwsConfig(null);
    }
}
