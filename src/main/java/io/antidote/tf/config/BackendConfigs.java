package io.antidote.tf.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code backendConfigs} section: one entry per backend; this project has one. */
public record BackendConfigs(@JsonProperty("terraform") TerraformBackendConfig terraform) {
    public BackendConfigs {
        terraform = terraform == null ? TerraformBackendConfig.defaults() : terraform;
    }

    public static BackendConfigs defaults() {
        return new BackendConfigs(null);
    }
}
