package io.antidote.tf.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One HTTP shard of {@code backendConfigs.terraform.aws.listeners}: an ALB's HTTPS listener, and the ALB's DNS name
 * and hosted zone for alias records. Foundation output {@code listeners[i]}.
 */
public record AwsListener(
        @JsonProperty("listenerArn") String listenerArn,
        @JsonProperty("albDnsName") String albDnsName,
        @JsonProperty("albZoneId") String albZoneId) {

    public AwsListener {
        listenerArn = Checks.required("backendConfigs.terraform.aws.listeners[].listenerArn", listenerArn);
        Checks.prefixed("backendConfigs.terraform.aws.listeners[].listenerArn", listenerArn, "arn:");
        albDnsName = albDnsName == null ? "" : albDnsName;
        albZoneId = albZoneId == null ? "" : albZoneId;
    }
}
