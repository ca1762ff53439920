package io.antidote.tf.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.antidote.tf.grammar.DockerNames;
import java.util.List;

/**
 * {@code backendConfigs.terraform}: this backend's own settings.
 *
 * @param target which stack target livelessons become: {@code aws}; {@code kubernetes} (any cluster);
 *        {@code docker} (the Docker engine of the machine terraform runs on); or {@code local} (built-in resources
 *        only, for tests and demonstrations)
 * @param readinessTimeoutSeconds how long endpoints may take to become reachable (contract default 600)
 * @param local settings of the local target
 * @param docker settings of the docker target
 * @param kubernetes settings of the Kubernetes target
 * @param trustedImages the images that may run with flavor {@code trusted} (a privileged container: root on the
 *        host), by slug; {@value #TRUST_EVERY_IMAGE} alone trusts what each image's metadata says (the reference's
 *        behaviour); empty (the default) trusts none
 * @param keepFailedFor minutes a failed CREATE's infrastructure is kept for inspection before it is destroyed (0:
 *        destroyed at once)
 * @param stuckAfterAttempts failed destroys of one stack after which it is reported as stuck (log, metric,
 *        {@code list --stuck}); garbage collection keeps retrying it at the longest backoff
 * @param retryBackoffMaxMinutes the longest wait between two destroys of a stack that failed (the wait starts at the
 *        garbage-collection interval and doubles)
 */
public record TerraformBackendConfig(
        @JsonProperty("target") String target,
        @JsonProperty("readinessTimeoutSeconds") Integer readinessTimeoutSeconds,
        @JsonProperty("runner") RunnerConfig runner,
        @JsonProperty("state") StateConfig state,
        @JsonProperty("aws") AwsConfig aws,
        @JsonProperty("local") LocalTargetConfig local,
        @JsonProperty("docker") DockerTargetConfig docker,
        @JsonProperty("kubernetes") KubernetesConfig kubernetes,
        @JsonProperty("trustedImages") List<String> trustedImages,
        @JsonProperty("keepFailedFor") Integer keepFailedFor,
        @JsonProperty("stuckAfterAttempts") Integer stuckAfterAttempts,
        @JsonProperty("retryBackoffMaxMinutes") Integer retryBackoffMaxMinutes) {

    /** The full key of {@link #trustedImages}, for messages. */
    public static final String TRUSTED_IMAGES_KEY = "backendConfigs.terraform.trustedImages";
    /** The entry of {@link #trustedImages} that trusts every image's own metadata. */
    public static final String TRUST_EVERY_IMAGE = "*";

    public TerraformBackendConfig {
        target = Checks.orDefault(target, "aws");
        Checks.oneOf("backendConfigs.terraform.target", target, "aws", "local", "docker", "kubernetes");
        readinessTimeoutSeconds = Checks.range("backendConfigs.terraform.readinessTimeoutSeconds",
                readinessTimeoutSeconds, 600, 1, 86400);
        runner = runner == null ? RunnerConfig.defaults() : runner;
        state = state == null ? StateConfig.defaults() : state;
        aws = aws == null ? AwsConfig.defaults() : aws;
        local = local == null ? LocalTargetConfig.defaults() : local;
        docker = docker == null ? DockerTargetConfig.defaults() : docker;
        kubernetes = kubernetes == null ? KubernetesConfig.defaults() : kubernetes;
        if (target.equals("kubernetes") && kubernetes.inCluster()) {
            for (String name : KubernetesConfig.IN_CLUSTER_ENV) {
                if (!runner.passEnv().contains(name)) {
                    throw Checks.invalid("backendConfigs.terraform.runner.passEnv", "lacks " + name
                            + ", which the kubernetes provider needs with kubernetes.inCluster: true");
                }
            }
        }
        trustedImages = List.copyOf(trustedImages == null ? List.of() : trustedImages);
        for (int i = 0; i < trustedImages.size(); i++) {
            String image = trustedImages.get(i);
            String key = TRUSTED_IMAGES_KEY + "[" + i + "]";
            if (image.equals(TRUST_EVERY_IMAGE)) {
                if (trustedImages.size() > 1) {
                    throw Checks.invalid(key, "'*' trusts every image's metadata and stands alone; list either '*' "
                            + "or image names");
                }
            } else {
                Checks.follows(key, image, DockerNames.IMAGE);
            }
        }
        keepFailedFor = Checks.range("backendConfigs.terraform.keepFailedFor", keepFailedFor, 0, 0, 10080);
        stuckAfterAttempts = Checks.range("backendConfigs.terraform.stuckAfterAttempts", stuckAfterAttempts, 5, 1,
                1000);
        retryBackoffMaxMinutes = Checks.range("backendConfigs.terraform.retryBackoffMaxMinutes",
                retryBackoffMaxMinutes, 60, 1, 1440);
    }

    /** Without the failure settings (their defaults). */
    public TerraformBackendConfig(String target, Integer readinessTimeoutSeconds, RunnerConfig runner,
            StateConfig state, AwsConfig aws, LocalTargetConfig local, DockerTargetConfig docker,
            KubernetesConfig kubernetes, List<String> trustedImages) {
        this(target, readinessTimeoutSeconds, runner, state, aws, local, docker, kubernetes, trustedImages, null, null,
                null);
    }

    /** Without {@code trustedImages} (none trusted). */
    public TerraformBackendConfig(String target, Integer readinessTimeoutSeconds, RunnerConfig runner,
            StateConfig state, AwsConfig aws, LocalTargetConfig local, DockerTargetConfig docker,
            KubernetesConfig kubernetes, Integer keepFailedFor, Integer stuckAfterAttempts,
            Integer retryBackoffMaxMinutes) {
        this(target, readinessTimeoutSeconds, runner, state, aws, local, docker, kubernetes, null, keepFailedFor,
                stuckAfterAttempts, retryBackoffMaxMinutes);
    }

    /** Without {@code trustedImages} and the failure settings (their defaults). */
    public TerraformBackendConfig(String target, Integer readinessTimeoutSeconds, RunnerConfig runner,
            StateConfig state, AwsConfig aws, LocalTargetConfig local, DockerTargetConfig docker,
            KubernetesConfig kubernetes) {
        this(target, readinessTimeoutSeconds, runner, state, aws, local, docker, kubernetes, (List<String>) null);
    }

    /** Without the {@code docker} and {@code kubernetes} sections (their defaults), {@code trustedImages} and the
     * failure settings. */
    public TerraformBackendConfig(String target, Integer readinessTimeoutSeconds, RunnerConfig runner,
            StateConfig state, AwsConfig aws, LocalTargetConfig local) {
        this(target, readinessTimeoutSeconds, runner, state, aws, local, null, null);
    }

    /** Without a {@code local} section (its defaults) and all that the shorter forms leave out. */
    public TerraformBackendConfig(String target, Integer readinessTimeoutSeconds, RunnerConfig runner,
            StateConfig state, AwsConfig aws) {
        this(target, readinessTimeoutSeconds, runner, state, aws, null);
    }

    public static TerraformBackendConfig defaults() {
        return new TerraformBackendConfig(null, null, null, null, null, null, null, null);
    }
}
