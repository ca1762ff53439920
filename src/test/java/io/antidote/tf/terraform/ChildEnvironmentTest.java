package io.antidote.tf.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antidote.tf.config.RunnerConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildEnvironmentTest {
    private static final Map<String, String> PARENT = Map.ofEntries(Map.entry("PATH", "/usr/bin"),
            Map.entry("HOME", "/home/a"), Map.entry("LANG", "C.UTF-8"), Map.entry("TF_CLI_ARGS", "-lock=false"),
            Map.entry("TF_CLI_ARGS_apply", "-parallelism=1"), Map.entry("TF_VAR_x", "1"),
            Map.entry("TF_WORKSPACE", "other"), Map.entry("TF_LOG", "TRACE"), Map.entry("TF_LOG_PATH", "/tmp/l"),
            Map.entry("TF_DATA_DIR", "/elsewhere"), Map.entry("TF_CLI_CONFIG_FILE", "/parent/rc"),
            Map.entry("AWS_ACCESS_KEY_ID", "AKIAABCDEFGHIJKLMNOP"), Map.entry("AWS_SECRET_ACCESS_KEY", "sekrit-123"),
            Map.entry("AWS_REGION", "eu-west-1"), Map.entry("ANTIDOTE_DB_PASSWORD", "service-own"));

    private static RunnerConfig config(List<String> passEnv, String cliConfig, String cache) {
        return new RunnerConfig("terraform", "/w", 2, cliConfig, cache, passEnv, null, null, null, null, null, null,
                null);
    }

    @Test
    void onlyTheAllowListAndTheRunnersOwnVariablesReachTerraform() {
        ChildEnvironment env = ChildEnvironment.of(PARENT, config(List.of(), null, null));
        assertThat(env.variables()).containsOnlyKeys("PATH", "HOME", "LANG", "TF_IN_AUTOMATION", "TF_INPUT",
                "CHECKPOINT_DISABLE").containsEntry("TF_IN_AUTOMATION", "1");
        assertThat(env.strippedTerraformVariables()).containsExactlyInAnyOrder("TF_CLI_ARGS", "TF_CLI_ARGS_apply",
                "TF_VAR_x", "TF_WORKSPACE", "TF_LOG", "TF_LOG_PATH", "TF_DATA_DIR", "TF_CLI_CONFIG_FILE");
        assertThat(env.stripped()).contains("AWS_ACCESS_KEY_ID", "ANTIDOTE_DB_PASSWORD");
    }

    @Test
    void credentialsPassOnlyWhenConfiguredAndAreTreatedAsSecrets() {
        ChildEnvironment env = ChildEnvironment.of(PARENT, config(List.of("AWS_ACCESS_KEY_ID",
                "AWS_SECRET_ACCESS_KEY", "AWS_REGION", "NOT_SET"), "/etc/tf.rc", "/cache"));
        assertThat(env.variables()).containsEntry("AWS_SECRET_ACCESS_KEY", "sekrit-123")
                .containsEntry("AWS_REGION", "eu-west-1").containsEntry("TF_CLI_CONFIG_FILE", "/etc/tf.rc")
                .containsEntry("TF_PLUGIN_CACHE_DIR", "/cache").doesNotContainKey("NOT_SET")
                .doesNotContainKey("ANTIDOTE_DB_PASSWORD");
        assertThat(env.secretValues()).containsExactlyInAnyOrder("AKIAABCDEFGHIJKLMNOP", "sekrit-123");
    }

    @Test
    void everyPassedValueIsASecretButThoseOfKnownPublicSettings() {
        java.util.Map<String, String> parent = new java.util.HashMap<>(PARENT);
        parent.put("HCLOUD_API", "hc-credential-value");
        parent.put("AWS_PROFILE", "lab-profile");
        ChildEnvironment env = ChildEnvironment.of(parent, config(List.of("HCLOUD_API", "AWS_PROFILE"), null, null));
        assertThat(env.variables()).containsEntry("HCLOUD_API", "hc-credential-value")
                .containsEntry("AWS_PROFILE", "lab-profile");
        assertThat(env.secretValues()).as("a name without a secret word is masked too").containsExactly(
                "hc-credential-value");
    }

    @Test
    void terraformVariablesCannotBePassedOnPurpose() {
        assertThatThrownBy(() -> config(List.of("TF_VAR_x"), null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backendConfigs.terraform.runner.passEnv").hasMessageContaining("TF_VAR_x");
        assertThatThrownBy(() -> config(List.of("bad name"), null, null))
                .hasMessageContaining("not a variable name");
    }
}
