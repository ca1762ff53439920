package io.antidote.tf.stack.aws;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.AwsConfig;
import io.antidote.tf.sink.TerraformString;
import io.antidote.tf.stack.RoutingClaim;
import io.antidote.tf.stack.StackRequest;
import io.antidote.tf.stack.StackTags;
import java.util.List;
import java.util.Map;

/** Everything a {@link LessonStack} is built from, computed before any jsii call. */
record LessonInput(String uullid, String liveLessonId, int stage, AntidoteConfig config, String imageVersion,
        String lessonDir, HostPlan plan, Map<String, String> tags, List<RoutingClaim> claims, boolean configure) {

    static LessonInput of(StackRequest request, AntidoteConfig config, String imageVersion) {
        return new LessonInput(request.stackName(), request.liveLesson().id(), request.liveLesson().stage(), config,
                imageVersion, request.lesson().directory().toString().replace('\\', '/'),
                HostPlan.of(request, config.imageOrg(), config.curriculumVersion()),
                literalValues(StackTags.of(request.liveLesson())), request.routingClaims(), request.configure());
    }

    /**
     * The tags with each value as a Terraform literal: the livesession ID comes from the API. CDKTF escapes plain
     * strings in some runs and not in others (a test saw both in one build), so the stack does not rely on it.
     */
    private static Map<String, String> literalValues(Map<String, String> tags) {
        Map<String, String> literal = new java.util.LinkedHashMap<>();
        tags.forEach((k, v) -> literal.put(k, TerraformString.literal(v)));
        return literal;
    }

    AwsConfig aws() {
        return config.backendConfigs().terraform().aws();
    }

    HostSettings hostSettings(String zoneName) {
        AwsConfig aws = aws();
        return new HostSettings(uullid, zoneName, aws.region(), aws.efsFileSystemId(), aws.efsCurriculumPath(),
                lessonDir, aws.registryCredentialsSecretArn(), config.imageOrg(), aws.imageSecretsPath(),
                "antidotelabs/configurator:" + imageVersion, config.allowEgress(), config.alwaysPull());
    }
}
