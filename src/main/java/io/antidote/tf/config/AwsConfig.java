package io.antidote.tf.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code backendConfigs.terraform.aws}: the foundation module's outputs (one key per output, see docs/aws.md) and
 * the provider settings of the AWS target. Formats are checked here; {@link #missingKeys()} names what a stack
 * still needs, so a configuration without AWS (target {@code local}) stays valid.
 *
 * @param offline plan without AWS: mock credentials and no account/metadata/region checks (CI)
 * @param subnetIds private subnets for lesson hosts; a livelesson's subnet is chosen by a stable hash
 * @param trustedInstanceType host type when any endpoint is {@code trusted} (bare metal, for KVM)
 * @param s3PrefixListId the S3 gateway endpoint's prefix list (ECR image layers)
 * @param efsCurriculumPath where the curriculum directory lies on the EFS file system
 * @param privateZoneDomain parent of each livelesson's private zone {@code <uullid>.<privateZoneDomain>}
 * @param listeners HTTP shards; a livelesson's shard is chosen by a stable hash
 * @param publicZoneId zone of {@code hepsDomain}; required with more than one listener (alias records)
 * @param imageSecretsPath SSM path holding SecureStrings {@code <path>/<image>/configPassword}
 * @param registryCredentialsSecretArn optional Secrets Manager secret for private image registries
 */
public record AwsConfig(
        @JsonProperty("region") String region,
        @JsonProperty("offline") Boolean offline,
        @JsonProperty("vpcId") String vpcId,
        @JsonProperty("subnetIds") List<String> subnetIds,
        @JsonProperty("amiId") String amiId,
        @JsonProperty("instanceType") String instanceType,
        @JsonProperty("trustedInstanceType") String trustedInstanceType,
        @JsonProperty("rootVolumeGb") Integer rootVolumeGb,
        @JsonProperty("instanceProfileName") String instanceProfileName,
        @JsonProperty("schedulerSecurityGroupId") String schedulerSecurityGroupId,
        @JsonProperty("albSecurityGroupId") String albSecurityGroupId,
        @JsonProperty("efsSecurityGroupId") String efsSecurityGroupId,
        @JsonProperty("vpcEndpointSecurityGroupId") String vpcEndpointSecurityGroupId,
        @JsonProperty("s3PrefixListId") String s3PrefixListId,
        @JsonProperty("efsFileSystemId") String efsFileSystemId,
        @JsonProperty("efsCurriculumPath") String efsCurriculumPath,
        @JsonProperty("privateZoneDomain") String privateZoneDomain,
        @JsonProperty("listeners") List<AwsListener> listeners,
        @JsonProperty("publicZoneId") String publicZoneId,
        @JsonProperty("imageSecretsPath") String imageSecretsPath,
        @JsonProperty("registryCredentialsSecretArn") String registryCredentialsSecretArn,
        @JsonProperty("configurationTimeoutSeconds") Integer configurationTimeoutSeconds) {

    private static final String P = "backendConfigs.terraform.aws.";

    public AwsConfig {
        region = Checks.orDefault(region, "us-east-1");
        offline = offline != null && offline;
        vpcId = id("vpcId", vpcId, "vpc-");
        subnetIds = List.copyOf(subnetIds == null ? List.of() : subnetIds);
        subnetIds.forEach(s -> Checks.prefixed(P + "subnetIds[]", s, "subnet-"));
        amiId = id("amiId", amiId, "ami-");
        instanceType = Checks.orDefault(instanceType, "m5.xlarge");
        trustedInstanceType = Checks.orDefault(trustedInstanceType, "c5.metal");
        rootVolumeGb = Checks.range(P + "rootVolumeGb", rootVolumeGb, 50, 8, 16384);
        instanceProfileName = id("instanceProfileName", instanceProfileName, "");
        schedulerSecurityGroupId = id("schedulerSecurityGroupId", schedulerSecurityGroupId, "sg-");
        albSecurityGroupId = id("albSecurityGroupId", albSecurityGroupId, "sg-");
        efsSecurityGroupId = id("efsSecurityGroupId", efsSecurityGroupId, "sg-");
        vpcEndpointSecurityGroupId = id("vpcEndpointSecurityGroupId", vpcEndpointSecurityGroupId, "sg-");
        s3PrefixListId = id("s3PrefixListId", s3PrefixListId, "pl-");
        efsFileSystemId = id("efsFileSystemId", efsFileSystemId, "fs-");
        efsCurriculumPath = Checks.orDefault(efsCurriculumPath, "/curriculum");
        Checks.prefixed(P + "efsCurriculumPath", efsCurriculumPath, "/");
        privateZoneDomain = Checks.orDefault(privateZoneDomain, "antidote.internal");
        listeners = List.copyOf(listeners == null ? List.of() : listeners);
        publicZoneId = id("publicZoneId", publicZoneId, "");
        if (listeners.size() > 1 && publicZoneId.isEmpty()) {
            throw new IllegalArgumentException(P + "publicZoneId is required with more than one listener"
                    + " (each HTTP presentation gets an alias record to its shard's ALB)");
        }
        imageSecretsPath = Checks.orDefault(imageSecretsPath, "/antidote/images");
        Checks.prefixed(P + "imageSecretsPath", imageSecretsPath, "/");
        registryCredentialsSecretArn = id("registryCredentialsSecretArn", registryCredentialsSecretArn, "arn:");
        configurationTimeoutSeconds = Checks.range(P + "configurationTimeoutSeconds", configurationTimeoutSeconds,
                600, 60, 86400);
    }

    private static String id(String key, String value, String prefix) {
        String v = value == null ? "" : value.trim();
        Checks.prefixed(P + key, v, prefix);
        return v;
    }

    public static AwsConfig defaults() {
        return new AwsConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    /** The keys (full paths) a stack needs that are empty here; empty when this configuration can synthesize. */
    public List<String> missingKeys() {
        List<String> missing = new ArrayList<>();
        String[][] required = {{"vpcId", vpcId}, {"amiId", amiId}, {"instanceProfileName", instanceProfileName},
            {"schedulerSecurityGroupId", schedulerSecurityGroupId}, {"albSecurityGroupId", albSecurityGroupId},
            {"efsSecurityGroupId", efsSecurityGroupId}, {"vpcEndpointSecurityGroupId", vpcEndpointSecurityGroupId},
            {"s3PrefixListId", s3PrefixListId}, {"efsFileSystemId", efsFileSystemId}};
        for (String[] kv : required) {
            if (kv[1].isEmpty()) {
                missing.add(P + kv[0]);
            }
        }
        if (subnetIds.isEmpty()) {
            missing.add(P + "subnetIds");
        }
        if (listeners.isEmpty()) {
            missing.add(P + "listeners");
        }
        return List.copyOf(missing);
    }
}
