package io.antidote.tf.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.regex.Pattern;

/**
 * {@code api}: the HTTP API's own settings (this project's; the reference's API has only {@code httpPort}). The
 * operator routes need a bearer token, a secret that never sits in this file: {@code adminTokenFile} names a file
 * holding it, or {@code adminTokenEnv} the environment variable holding it (at most one of the two). With neither,
 * the operator routes are off.
 *
 * @param adminTokenFile a file whose content (surrounding whitespace ignored) is the token; relative to the
 *        configuration file's directory
 * @param adminTokenEnv the name of an environment variable whose value is the token
 */
public record ApiConfig(
        @JsonProperty("adminTokenFile") String adminTokenFile,
        @JsonProperty("adminTokenEnv") String adminTokenEnv) {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public ApiConfig {
        adminTokenFile = adminTokenFile == null ? "" : adminTokenFile.trim();
        adminTokenEnv = adminTokenEnv == null ? "" : adminTokenEnv.trim();
        if (!adminTokenFile.isEmpty() && !adminTokenEnv.isEmpty()) {
            throw Checks.invalid("api.adminTokenEnv", "set either api.adminTokenFile or api.adminTokenEnv, not both");
        }
        if (!adminTokenEnv.isEmpty() && !ENV_NAME.matcher(adminTokenEnv).matches()) {
            throw Checks.invalid("api.adminTokenEnv", "'" + adminTokenEnv
                    + "' is not an environment variable name (letters, digits, underscores)");
        }
    }

    public static ApiConfig defaults() {
        return new ApiConfig(null, null);
    }

    /** Whether the operator routes are on (a token source is configured). */
    public boolean adminRoutes() {
        return !adminTokenFile.isEmpty() || !adminTokenEnv.isEmpty();
    }
}
