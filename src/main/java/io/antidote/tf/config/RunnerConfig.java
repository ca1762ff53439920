package io.antidote.tf.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code backendConfigs.terraform.runner}: how the terraform CLI is run. (Filled in by the runner's issue.)
 *
 * @param binary the terraform (or OpenTofu {@code tofu}) executable, a name on PATH or a path
 * @param workDir where each livelesson's stack directory lives
 * @param maxConcurrent how many terraform processes run at once
 */
public record RunnerConfig(
        @JsonProperty("binary") String binary,
        @JsonProperty("workDir") String workDir,
        @JsonProperty("maxConcurrent") Integer maxConcurrent) {
    public RunnerConfig {
        binary = Checks.orDefault(binary, "terraform");
        workDir = Checks.orDefault(workDir, System.getProperty("user.home") + "/.antidote-tf/work");
        maxConcurrent = Checks.range("backendConfigs.terraform.runner.maxConcurrent", maxConcurrent, 4, 1, 256);
    }

    public static RunnerConfig defaults() {
        return new RunnerConfig(null, null, null);
    }
}
