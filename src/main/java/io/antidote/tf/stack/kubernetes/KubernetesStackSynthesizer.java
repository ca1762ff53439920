package io.antidote.tf.stack.kubernetes;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.hashicorp.cdktf.Testing;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.KubernetesConfig;
import io.antidote.tf.stack.Jsii;
import io.antidote.tf.stack.StackRequest;
import io.antidote.tf.stack.StackSynthesizer;
import io.antidote.tf.stack.SynthesizedStack;
import io.antidote.tf.stack.TerraformJson;
import io.antidote.tf.tracing.Spans;
import io.opentracing.Span;
import io.opentracing.Tracer;
import io.opentracing.util.GlobalTracer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
        String version = buildInfo.get("imageVersion");
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("buildInfo.imageVersion is required (tag of antidotelabs/configurator)");
        }
        this.config = config;
        this.imageVersion = version;
        this.tracer = tracer;
        try {
            this.outdir = Files.createTempDirectory("antidote-cdktf-k8s-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a CDKTF output directory", e);
        }
    }

    @Override
    public SynthesizedStack synth(StackRequest request) {
        Span span = Spans.child(tracer, "stack.synth", tracer.activeSpan());
        span.setTag("stack", request.stackName());
        span.setTag("target", "kubernetes");
        try {
            LessonPlan plan = LessonPlan.of(request, config, imageVersion);
            String raw = Jsii.call(request.stackName(), "CDKTF synthesis", () -> {
                App app = new App(AppConfig.builder().outdir(outdir.toString()).skipValidation(true).build());
                return Testing.synth(new LessonStack(app, plan));
            });
            String json = TerraformJson.canonical(raw);
            span.setTag("json.length", json.length());
            return new SynthesizedStack(request.stackName(), json);
        } catch (RuntimeException e) {
            Spans.error(span, e);
            throw e;
        } finally {
            span.finish();
        }
    }

    @Override
    public void close() {
        try (var files = Files.walk(outdir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
