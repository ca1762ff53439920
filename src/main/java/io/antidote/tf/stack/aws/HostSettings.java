package io.antidote.tf.stack.aws;

import java.util.Objects;

/**
 * The instance-wide settings the host scripts need, from configuration and build info.
 *
 * @param lessonDir the lesson's directory relative to the curriculum (copied to /antidote)
 * @param configuratorImage {@code antidotelabs/configurator:<imageVersion>}
 * @param imageOrg prefix of endpoint images; an ECR registry host in it gets an ECR login
 */
public record HostSettings(String uullid, String zoneName, String region, String efsFileSystemId,
        String efsCurriculumPath, String lessonDir, String registryCredentialsSecretArn, String imageOrg,
        String imageSecretsPath, String configuratorImage, boolean allowEgress, boolean alwaysPull) {
    public HostSettings {
        Objects.requireNonNull(uullid, "uullid");
        Objects.requireNonNull(lessonDir, "lessonDir");
    }

    /** The registry host of {@code imageOrg} when it is an ECR registry, else empty. */
    public String ecrRegistry() {
        String host = imageOrg.contains("/") ? imageOrg.substring(0, imageOrg.indexOf('/')) : imageOrg;
        return host.contains(".dkr.ecr.") ? host : "";
    }
}
