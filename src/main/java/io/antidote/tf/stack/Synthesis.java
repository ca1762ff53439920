package io.antidote.tf.stack;

import io.antidote.tf.tracing.Spans;
import io.opentracing.Span;
import io.opentracing.Tracer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * What every CDKTF target's synthesizer does around its constructs: check the build info, trace the synth, compute
 * what needs no jsii on the caller's thread, build on the jsii thread ({@link Jsii}), make the JSON canonical
 * ({@link TerraformJson}); and the scratch directory a CDKTF app needs.
 */
public final class Synthesis {
    private Synthesis() {
    }

    /** {@code buildInfo.imageVersion} (the tag of the platform images), or an error saying it is required. */
    public static String imageVersion(Map<String, String> buildInfo) {
        String version = buildInfo.get("imageVersion");
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("buildInfo.imageVersion is required (tag of antidotelabs/configurator)");
        }
        return version;
    }

    /**
     * Synthesizes {@code request} in a {@code stack.synth} span tagged with {@code target}: {@code prepare} runs on the
     * caller's thread and returns the work that builds the stack's raw JSON on the jsii thread.
     */
    public static SynthesizedStack traced(Tracer tracer, String target, StackRequest request,
            Function<StackRequest, Callable<String>> prepare) {
        Span span = Spans.child(tracer, "stack.synth", tracer.activeSpan());
        span.setTag("stack", request.stackName());
        span.setTag("target", target);
        try {
            Callable<String> build = prepare.apply(request);
            String json = TerraformJson.canonical(Jsii.call(request.stackName(), "CDKTF synthesis", build));
            span.setTag("json.length", json.length());
            return new SynthesizedStack(request.stackName(), json);
        } catch (RuntimeException e) {
            Spans.error(span, e);
            throw e;
        } finally {
            span.finish();
        }
    }

    /** A new temporary directory for a CDKTF app's output (CDKTF creates an empty {@code stacks} folder in it). */
    public static Path scratchDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a CDKTF output directory", e);
        }
    }

    /** Deletes {@code dir} and what is in it; a directory left behind is harmless. */
    public static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
