package io.antidote.tf.stack.aws;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.hashicorp.cdktf.Testing;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.AwsConfig;
import io.antidote.tf.stack.FailureEvidence;
import io.antidote.tf.stack.StackRequest;
import io.antidote.tf.stack.StackSynthesizer;
import io.antidote.tf.stack.Synthesis;
import io.antidote.tf.stack.SynthesizedStack;
import io.antidote.tf.stack.TerraformJson;
import io.opentracing.Tracer;
import io.opentracing.util.GlobalTracer;
import java.nio.file.Path;
import java.util.Map;

/**
 * Livelessons to AWS stacks with CDKTF (design: docs/aws.md). Every jsii call runs on the JVM's one jsii thread
 * ({@link io.antidote.tf.stack.Jsii}), since jsii is not thread-safe; {@link #synth} may be called from any thread
 * and waits for its turn ({@link Synthesis#traced}). The first synth in a JVM loads the AWS bindings (seconds);
 * later ones take milliseconds. jsii never frees the objects a synth creates, so a long-lived process should measure
 * its memory.
 */
public final class AwsStackSynthesizer implements StackSynthesizer {
    private final AntidoteConfig config;
    private final String imageVersion;
    private final Tracer tracer;
    private final Path outdir;

    /** @param buildInfo must hold {@code imageVersion} (the configurator image's tag) */
    public AwsStackSynthesizer(AntidoteConfig config, Map<String, String> buildInfo) {
        this(config, buildInfo, GlobalTracer.get());
    }

    public AwsStackSynthesizer(AntidoteConfig config, Map<String, String> buildInfo, Tracer tracer) {
        AwsConfig aws = config.backendConfigs().terraform().aws();
        if (!aws.missingKeys().isEmpty()) {
            throw new IllegalArgumentException("the AWS target needs " + String.join(", ", aws.missingKeys())
                    + " (outputs of modules/foundation, see docs/aws.md)");
        }
        this.config = config;
        this.imageVersion = Synthesis.imageVersion(buildInfo);
        this.tracer = tracer;
        this.outdir = Synthesis.scratchDirectory("antidote-cdktf-");
    }

    @Override
    public FailureEvidence evidence() {
        return new AwsEvidence();
    }

    /** The AWS provider as every stack has it (region; in offline mode the mock credentials), no resources. */
    @Override
    public String skeleton() {
        com.fasterxml.jackson.databind.node.ObjectNode root =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        root.putObject("terraform").putObject("required_providers").putObject("aws").put("source", "aws")
                .put("version", LessonProvider.VERSION_CONSTRAINT);
        AwsConfig aws = config.backendConfigs().terraform().aws();
        com.fasterxml.jackson.databind.node.ObjectNode provider = root.putObject("provider").putArray("aws")
                .addObject().put("region", aws.region());
        if (aws.offline()) {
            provider.put("access_key", "mock").put("secret_key", "mock").put("skip_credentials_validation", true)
                    .put("skip_metadata_api_check", "true").put("skip_region_validation", true)
                    .put("skip_requesting_account_id", true);
        }
        return TerraformJson.canonical(root.toString());
    }

    @Override
    public SynthesizedStack synth(StackRequest request) {
        return Synthesis.traced(tracer, "aws", request, r -> {
            LessonInput input = LessonInput.of(r, config, imageVersion);
            return () -> synthOnJsiiThread(input);
        });
    }

    /**
     * Builds the stack in a new app and returns its JSON without {@code //} metadata, in memory: one jsii call for
     * the whole document, nothing written (the app only creates {@link #outdir}'s empty {@code stacks} folder, once).
     * {@code App.synth()} would add a local backend (dropped by {@code TerraformJson} anyway) and write the manifest
     * and the stack to disk, to be read back. docs/performance.md, "Synthesis".
     */
    private String synthOnJsiiThread(LessonInput input) {
        App app = new App(AppConfig.builder().outdir(outdir.toString()).skipValidation(true).build());
        return Testing.synth(new LessonStack(app, input));
    }

    @Override
    public void close() {
        Synthesis.delete(outdir);
    }
}
