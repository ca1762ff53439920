package io.antidote.tf.stack.kubernetes;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.hashicorp.cdktf.Testing;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.KubernetesConfig;
import io.antidote.tf.stack.FailureEvidence;
import io.antidote.tf.stack.StackRequest;
import io.antidote.tf.stack.StackSynthesizer;
import io.antidote.tf.stack.Synthesis;
import io.antidote.tf.stack.SynthesizedStack;
import io.opentracing.Tracer;
import io.opentracing.util.GlobalTracer;
import java.nio.file.Path;
import java.util.Map;

/**
 * Livelessons to Kubernetes stacks with CDKTF and the typed bindings of the kubernetes provider (design:
 * docs/kubernetes.md). Everything but the jsii calls (names, labels, addresses) is computed first, on the caller's
 * thread ({@link LessonPlan}); the constructs are built on the JVM's one jsii thread ({@link Jsii}). {@link #synth}
 * may be called from any thread.
 */
public final class KubernetesStackSynthesizer implements StackSynthesizer {
    private final AntidoteConfig config;
    private final String imageVersion;
    private final Tracer tracer;
    private final Path outdir;

    /** @param buildInfo must hold {@code imageVersion} (the configurator's and jupyter guide's tag) */
    public KubernetesStackSynthesizer(AntidoteConfig config, Map<String, String> buildInfo) {
        this(config, buildInfo, GlobalTracer.get());
    }

    public KubernetesStackSynthesizer(AntidoteConfig config, Map<String, String> buildInfo, Tracer tracer) {
        KubernetesConfig k8s = config.backendConfigs().terraform().kubernetes();
        if (!k8s.missingKeys().isEmpty()) {
            throw new IllegalArgumentException("the Kubernetes target needs " + String.join(", ", k8s.missingKeys())
                    + " (see docs/kubernetes.md)");
        }
        this.config = config;
        this.imageVersion = Synthesis.imageVersion(buildInfo);
        this.tracer = tracer;
        this.outdir = Synthesis.scratchDirectory("antidote-cdktf-k8s-");
    }

    @Override
    public FailureEvidence evidence() {
        return new KubernetesEvidence(config.backendConfigs().terraform().kubernetes().namespacePrefix());
    }

    @Override
    public SynthesizedStack synth(StackRequest request) {
        return Synthesis.traced(tracer, "kubernetes", request, r -> {
            LessonPlan plan = LessonPlan.of(r, config, imageVersion);
            return () -> {
                App app = new App(AppConfig.builder().outdir(outdir.toString()).skipValidation(true).build());
                return Testing.synth(new LessonStack(app, plan));
            };
        });
    }

    @Override
    public void close() {
        Synthesis.delete(outdir);
    }
}
