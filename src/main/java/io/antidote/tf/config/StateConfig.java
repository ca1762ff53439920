package io.antidote.tf.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code backendConfigs.terraform.state}: where terraform keeps each livelesson's state: {@code local} (a file in
 * the stack's directory) or {@code s3} (a bucket, with DynamoDB locking). (Filled in by the runner's issue.)
 */
public record StateConfig(@JsonProperty("type") String type) {
    public StateConfig {
        type = Checks.orDefault(type, "local");
        Checks.oneOf("backendConfigs.terraform.state.type", type, "local", "s3");
    }

    public static StateConfig defaults() {
        return new StateConfig(null);
    }
}
