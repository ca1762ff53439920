package io.antidote.tf.stack.aws;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.AwsConfig;
import io.antidote.tf.stack.RoutingClaim;
import io.antidote.tf.stack.StackRequest;
import io.antidote.tf.stack.StackTags;
import io.antidote.tf.stack.host.HostPlan;
import io.antidote.tf.stack.host.HostSettings;
import java.util.List;
import java.util.Map;

/** Everything a {@link LessonStack} is built from, computed before any jsii call. */
record LessonInput(String uullid, String liveLessonId, int stage, AntidoteConfig config, String imageVersion,
        String lessonDir, HostPlan plan, Map<String, String> tags, List<RoutingClaim> claims, boolean configure) {
    /** Where lesson hosts keep each livelesson's files ({@code <dir>/<uullid>}) and the images' secrets. */
    static final String HOST_DIR = "/var/lib/antidote";
    /** Where the prologue mounts the curriculum's file system. */
    static final String CURRICULUM_MOUNT = "/mnt/curriculum";

    static LessonInput of(StackRequest request, AntidoteConfig config, String imageVersion) {
        return new LessonInput(request.stackName(), request.liveLesson().id(), request.liveLesson().stage(), config,
                imageVersion, request.lesson().directory().toString().replace('\\', '/'),
                HostPlan.of(request, config.imageOrg(), config.curriculumVersion()),
                StackTags.of(request.liveLesson()), request.routingClaims(), request.configure());
    }

    AwsConfig aws() {
        return config.backendConfigs().terraform().aws();
    }

    /** The livelesson's state directory on its host. */
    String stateDir() {
        return HOST_DIR + "/" + uullid;
    }

    HostSettings hostSettings(String zoneName) {
        return new HostSettings(uullid, stateDir(), CURRICULUM_MOUNT + "/" + lessonDir, HOST_DIR + "/secrets", zoneName,
                "antidotelabs/configurator:" + imageVersion, config.allowEgress(), config.alwaysPull(), tags);
    }

    /** The registry host of {@code imageOrg} when it is an ECR registry (it gets a login at boot), else empty. */
    String ecrRegistry() {
        String org = config.imageOrg();
        String host = org.contains("/") ? org.substring(0, org.indexOf('/')) : org;
        return host.contains(".dkr.ecr.") ? host : "";
    }
}
