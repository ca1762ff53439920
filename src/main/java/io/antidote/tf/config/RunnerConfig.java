package io.antidote.tf.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code backendConfigs.terraform.runner}: how the terraform CLI is run. Durations are whole seconds.
 *
 * @param binary the terraform (or OpenTofu {@code tofu}) executable, a name on PATH or a path
 * @param workDir where each livelesson's stack directory lives
 * @param maxConcurrent how many terraform processes run at once
 * @param cliConfigFile set as {@code TF_CLI_CONFIG_FILE} for terraform (e.g. a provider mirror); none when blank
 * @param pluginCacheDir set as {@code TF_PLUGIN_CACHE_DIR}; {@code init} never runs concurrently against it
 * @param passEnv names of variables passed from this process to terraform on purpose (provider credentials such
 *        as {@code AWS_ACCESS_KEY_ID}); nothing else beyond a fixed allow-list reaches terraform; {@code TF_*}
 *        names are refused
 * @param initTimeoutSeconds how long {@code init} may run
 * @param planTimeoutSeconds how long {@code plan} (and {@code output}, {@code show}) may run
 * @param applyTimeoutSeconds how long {@code apply} may run
 * @param destroyTimeoutSeconds how long a destroy apply may run
 * @param cancelGraceSeconds after SIGINT, how long terraform may take to stop before its process group is killed
 * @param stallTimeoutSeconds a run that prints no line for this long is cancelled as stalled
 * @param staleAfterHours stack directories untouched for this long are removed by a sweep
 */
public record RunnerConfig(
        @JsonProperty("binary") String binary,
        @JsonProperty("workDir") String workDir,
        @JsonProperty("maxConcurrent") Integer maxConcurrent,
        @JsonProperty("cliConfigFile") String cliConfigFile,
        @JsonProperty("pluginCacheDir") String pluginCacheDir,
        @JsonProperty("passEnv") List<String> passEnv,
        @JsonProperty("initTimeoutSeconds") Integer initTimeoutSeconds,
        @JsonProperty("planTimeoutSeconds") Integer planTimeoutSeconds,
        @JsonProperty("applyTimeoutSeconds") Integer applyTimeoutSeconds,
        @JsonProperty("destroyTimeoutSeconds") Integer destroyTimeoutSeconds,
        @JsonProperty("cancelGraceSeconds") Integer cancelGraceSeconds,
        @JsonProperty("stallTimeoutSeconds") Integer stallTimeoutSeconds,
        @JsonProperty("staleAfterHours") Integer staleAfterHours) {

    private static final String KEY = "backendConfigs.terraform.runner.";
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int DAY = 86400;

    public RunnerConfig {
        binary = Checks.orDefault(binary, "terraform");
        workDir = Checks.orDefault(workDir, System.getProperty("user.home") + "/.antidote-tf/work");
        maxConcurrent = Checks.range(KEY + "maxConcurrent", maxConcurrent, 4, 1, 256);
        cliConfigFile = Checks.orDefault(cliConfigFile, "");
        pluginCacheDir = Checks.orDefault(pluginCacheDir, "");
        passEnv = List.copyOf(passEnv == null ? List.of() : passEnv);
        for (String name : passEnv) {
            if (!ENV_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(KEY + "passEnv: '" + name + "' is not a variable name");
            }
            if (name.toUpperCase(java.util.Locale.ROOT).startsWith("TF_")) {
                throw new IllegalArgumentException(KEY + "passEnv: '" + name
                        + "' is refused: TF_* variables change what terraform does; use the runner's own settings");
            }
        }
        initTimeoutSeconds = Checks.range(KEY + "initTimeoutSeconds", initTimeoutSeconds, 300, 1, DAY);
        planTimeoutSeconds = Checks.range(KEY + "planTimeoutSeconds", planTimeoutSeconds, 600, 1, DAY);
        applyTimeoutSeconds = Checks.range(KEY + "applyTimeoutSeconds", applyTimeoutSeconds, 1800, 1, DAY);
        destroyTimeoutSeconds = Checks.range(KEY + "destroyTimeoutSeconds", destroyTimeoutSeconds, 1800, 1, DAY);
        cancelGraceSeconds = Checks.range(KEY + "cancelGraceSeconds", cancelGraceSeconds, 60, 1, 3600);
        stallTimeoutSeconds = Checks.range(KEY + "stallTimeoutSeconds", stallTimeoutSeconds, 600, 1, DAY);
        staleAfterHours = Checks.range(KEY + "staleAfterHours", staleAfterHours, 24, 1, 24 * 365);
    }

    /** The three settings the skeleton had; everything else at its default. */
    public RunnerConfig(String binary, String workDir, Integer maxConcurrent) {
        this(binary, workDir, maxConcurrent, null, null, null, null, null, null, null, null, null, null);
    }

    public static RunnerConfig defaults() {
        return new RunnerConfig(null, null, null);
    }
}
