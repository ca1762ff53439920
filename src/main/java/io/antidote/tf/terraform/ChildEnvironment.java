package io.antidote.tf.terraform;

import io.antidote.tf.config.RunnerConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The environment terraform runs with, built from an allow-list rather than inherited: a few basics (PATH, HOME,
 * TMPDIR, LANG, ...), the variables the operator named in {@code runner.passEnv}, and what the runner sets itself
 * ({@code TF_IN_AUTOMATION}, {@code TF_INPUT=0}, {@code CHECKPOINT_DISABLE}, and {@code TF_CLI_CONFIG_FILE} /
 * {@code TF_PLUGIN_CACHE_DIR} from configuration). Every other variable of this process, including {@code TF_*}
 * (TF_CLI_ARGS*, TF_VAR_*, TF_WORKSPACE, TF_LOG*, TF_DATA_DIR, ...) and this service's own secrets, is left out.
 */
public record ChildEnvironment(Map<String, String> variables, Set<String> stripped, List<String> secretValues) {
    static final List<String> BASICS = List.of("PATH", "HOME", "USER", "LOGNAME", "TMPDIR", "LANG", "LC_ALL",
            "LC_CTYPE", "TZ", "SSL_CERT_FILE", "SSL_CERT_DIR");
    /**
     * The {@code passEnv} variables whose values are not secrets (names and places, not credentials); the value of
     * every other passed variable is a secret, masked wherever it would be logged or traced.
     */
    static final Set<String> NOT_SECRET = Set.of("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE",
            "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_STS_REGIONAL_ENDPOINTS", "AWS_SDK_LOAD_CONFIG",
            "AWS_EC2_METADATA_DISABLED", "KUBECONFIG", "KUBE_CONFIG_PATH", "NO_PROXY", "no_proxy");

    public ChildEnvironment {
        variables = Map.copyOf(variables);
        stripped = Set.copyOf(stripped);
        secretValues = List.copyOf(secretValues);
    }

    /** Builds terraform's environment from {@code parent} (normally {@code System.getenv()}) and configuration. */
    public static ChildEnvironment of(Map<String, String> parent, RunnerConfig config) {
        Map<String, String> env = new LinkedHashMap<>();
        List<String> secrets = new java.util.ArrayList<>();
        for (String name : BASICS) {
            copy(parent, name, env);
        }
        for (String name : config.passEnv()) {
            if (copy(parent, name, env) && !NOT_SECRET.contains(name)) {
                secrets.add(parent.get(name));
            }
        }
        env.putIfAbsent("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("TF_IN_AUTOMATION", "1");
        env.put("TF_INPUT", "0");
        env.put("CHECKPOINT_DISABLE", "1");
        if (!config.cliConfigFile().isEmpty()) {
            env.put("TF_CLI_CONFIG_FILE", config.cliConfigFile());
        }
        if (!config.pluginCacheDir().isEmpty()) {
            env.put("TF_PLUGIN_CACHE_DIR", config.pluginCacheDir());
        }
        Set<String> stripped = new TreeSet<>();
        for (String name : parent.keySet()) {
            if (!env.containsKey(name) || !parent.get(name).equals(env.get(name))) {
                stripped.add(name);
            }
        }
        return new ChildEnvironment(env, stripped, secrets);
    }

    /** The stripped variables that would have changed what terraform does ({@code TF_*}), for a warning. */
    public Set<String> strippedTerraformVariables() {
        Set<String> tf = new TreeSet<>();
        for (String name : stripped) {
            if (name.toUpperCase(Locale.ROOT).startsWith("TF_")) {
                tf.add(name);
            }
        }
        return tf;
    }

    private static boolean copy(Map<String, String> parent, String name, Map<String, String> env) {
        String value = parent.get(name);
        if (value != null) {
            env.put(name, value);
            return true;
        }
        return false;
    }
}
