package io.antidote.tf.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.AwsConfig;
import io.antidote.tf.config.KubernetesConfig;
import io.antidote.tf.stack.aws.AwsStackSynthesizer;
import io.antidote.tf.stack.docker.DockerStackSynthesizer;
import io.antidote.tf.stack.kubernetes.KubernetesStackSynthesizer;
import io.antidote.tf.stack.local.LocalStackSynthesizer;
import java.util.Map;
import java.util.Optional;

/**
 * The stack synthesizer of a configuration's target ({@code aws}, {@code kubernetes}, {@code docker} or
 * {@code local}), or a usage error saying what the configuration lacks; with what the dry runs know about the target
 * ahead of synthesis: how to warm it up, and the provider requirements its stacks have.
 */
public final class Synthesizers {
    /** How many synths one jsii runtime serves before it is replaced (see docs/performance.md, "Synthesis"). */
    public static final int RECYCLE_EVERY = 500;
    /** The jsii module of the AWS provider bindings: loading it is most of the AWS target's cold start. */
    static final String AWS_BINDINGS = "com.hashicorp.cdktf.providers.aws.$Module";
    /** The jsii module of the Kubernetes provider bindings. */
    static final String KUBERNETES_BINDINGS = "com.hashicorp.cdktf.providers.kubernetes.$Module";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Synthesizers() {
    }

    /** The target's synthesizer, not started: {@link WarmSynthesizer#start} loads the provider bindings ahead. */
    public static WarmSynthesizer open(AntidoteConfig config, String imageVersion) {
        String target = config.backendConfigs().terraform().target();
        Map<String, String> buildInfo = Map.of("imageVersion", imageVersion);
        if (target.equals("local")) {
            return new WarmSynthesizer(new LocalStackSynthesizer(config.backendConfigs().terraform().local()), () -> {
            });
        }
        if (target.equals("docker")) {
            return new WarmSynthesizer(new DockerStackSynthesizer(config, buildInfo), () -> {
            });
        }
        if (target.equals("kubernetes")) {
            KubernetesConfig k8s = config.backendConfigs().terraform().kubernetes();
            if (!k8s.missingKeys().isEmpty()) {
                throw DryRunException.usage("the configuration lacks " + String.join(", ", k8s.missingKeys())
                        + " (see examples/kubernetes.yml)");
            }
            return new WarmSynthesizer(new RecyclingSynthesizer(() -> new KubernetesStackSynthesizer(config, buildInfo),
                    RECYCLE_EVERY), () -> JsiiRuntimes.preload(KUBERNETES_BINDINGS));
        }
        AwsConfig aws = config.backendConfigs().terraform().aws();
        if (!aws.missingKeys().isEmpty()) {
            throw DryRunException.usage("the configuration lacks " + String.join(", ", aws.missingKeys())
                    + " (placeholders are fine with offline: true; see examples/antidote.yml)");
        }
        return new WarmSynthesizer(new RecyclingSynthesizer(() -> new AwsStackSynthesizer(config, buildInfo),
                RECYCLE_EVERY), () -> JsiiRuntimes.preload(AWS_BINDINGS));
    }

    /**
     * The {@code terraform.required_providers} the target's stacks have (an empty object for none), when known
     * before synthesis: the batch mode starts their {@code init} early. A wrong guess costs only that early init
     * (the stacks' own requirements decide); an unknown target has none.
     */
    public static Optional<JsonNode> expectedRequirements(AntidoteConfig config) {
        return switch (config.backendConfigs().terraform().target()) {
            case "local", "docker" -> Optional.of(JSON.createObjectNode());
            case "aws" -> {
                ObjectNode aws = JSON.createObjectNode();
                aws.putObject("aws").put("source", "aws").put("version", "~> 5.23");
                yield Optional.of(aws);
            }
            case "kubernetes" -> {
                ObjectNode kubernetes = JSON.createObjectNode();
                kubernetes.putObject("kubernetes").put("source", "hashicorp/kubernetes").put("version", "~> 2.12");
                yield Optional.of(kubernetes);
            }
            default -> Optional.empty();
        };
    }
}
