package io.antidote.tf.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code backendConfigs.terraform.docker}: the docker target, which runs every livelesson on the Docker engine of the
 * machine terraform runs on (the lesson host script through {@code local-exec}). For lesson authors trying a lesson on
 * a laptop, and for tests of the lesson host itself.
 *
 * @param hostDir where the lesson host keeps each livelesson's files ({@code <hostDir>/livelessons/<uullid>}: its
 *        {@code /antidote} copy, log, script and plan) and the images' configuration passwords
 *        ({@code <hostDir>/secrets/<instanceId>}); an absolute path, default {@code /var/lib/antidote-tf}
 */
public record DockerTargetConfig(@JsonProperty("hostDir") String hostDir) {

    public DockerTargetConfig {
        hostDir = Checks.orDefault(hostDir, "/var/lib/antidote-tf");
        if (!hostDir.startsWith("/") || hostDir.contains("\n") || hostDir.contains("\0")) {
            throw Checks.invalid("backendConfigs.terraform.docker.hostDir", "'" + hostDir + "' is not an absolute path");
        }
    }

    public static DockerTargetConfig defaults() {
        return new DockerTargetConfig(null);
    }
}
