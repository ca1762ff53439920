package io.antidote.tf.dryrun;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.AwsConfig;
import io.antidote.tf.config.KubernetesConfig;
import io.antidote.tf.stack.StackSynthesizer;
import io.antidote.tf.stack.aws.AwsStackSynthesizer;
import io.antidote.tf.stack.docker.DockerStackSynthesizer;
import io.antidote.tf.stack.kubernetes.KubernetesStackSynthesizer;
import io.antidote.tf.stack.local.LocalStackSynthesizer;
import java.util.Map;

/**
 * The stack synthesizer of a configuration's target ({@code aws}, {@code kubernetes}, {@code docker} or {@code local}), or a usage
 * error saying what the configuration lacks.
 */
public final class Synthesizers {
    /** How many synths one jsii runtime serves before it is replaced (see docs/performance.md, "Synthesis"). */
    public static final int RECYCLE_EVERY = 500;

    private Synthesizers() {
    }

    public static StackSynthesizer open(AntidoteConfig config, String imageVersion) {
        String target = config.backendConfigs().terraform().target();
        Map<String, String> buildInfo = Map.of("imageVersion", imageVersion);
        if (target.equals("local")) {
            return new LocalStackSynthesizer(config.backendConfigs().terraform().local());
        }
        if (target.equals("docker")) {
            return new DockerStackSynthesizer(config, buildInfo);
        }
        if (target.equals("kubernetes")) {
            KubernetesConfig k8s = config.backendConfigs().terraform().kubernetes();
            if (!k8s.missingKeys().isEmpty()) {
                throw DryRunException.usage("the configuration lacks " + String.join(", ", k8s.missingKeys())
                        + " (see examples/kubernetes.yml)");
            }
            return new RecyclingSynthesizer(() -> new KubernetesStackSynthesizer(config, buildInfo), RECYCLE_EVERY);
        }
        AwsConfig aws = config.backendConfigs().terraform().aws();
        if (!aws.missingKeys().isEmpty()) {
            throw DryRunException.usage("the configuration lacks " + String.join(", ", aws.missingKeys())
                    + " (placeholders are fine with offline: true; see examples/antidote.yml)");
        }
        return new RecyclingSynthesizer(() -> new AwsStackSynthesizer(config, buildInfo), RECYCLE_EVERY);
    }
}
