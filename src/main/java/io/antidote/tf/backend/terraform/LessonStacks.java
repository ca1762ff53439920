package io.antidote.tf.backend.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antidote.tf.stack.StackOutputs;
import io.antidote.tf.stack.StackRequest;
import io.antidote.tf.stack.StackSynthesizer;
import io.antidote.tf.stack.SynthesizedStack;
import io.antidote.tf.terraform.ApplyResult;
import io.antidote.tf.terraform.SavedPlan;
import io.antidote.tf.terraform.StackId;
import io.antidote.tf.terraform.Terraform;
import io.antidote.tf.terraform.Workspace;
import io.antidote.tf.tracing.Spans;
import io.opentracing.Span;
import io.opentracing.Tracer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import io.antidote.tf.stack.RoutingClaim;
import java.util.Optional;

/**
 * A livelesson's stack through the runner: synthesize, write into its workspace (with the state backend's block),
 * init once, plan, apply exactly that plan, read the outputs against the contract; destroy and remove. Each
 * operation is a traced child span.
 */
final class LessonStacks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Terraform terraform;
    private final StackSynthesizer synthesizer;
    private final Tracer tracer;
    private final String instanceId;
    private final RoutingRegistry routes;

    LessonStacks(Terraform terraform, StackSynthesizer synthesizer, Tracer tracer, String instanceId,
            RoutingRegistry routes) {
        this.terraform = terraform;
        this.synthesizer = synthesizer;
        this.tracer = tracer;
        this.instanceId = instanceId;
        this.routes = routes;
    }

    StackId id(String liveLessonId) {
        return new StackId(instanceId, liveLessonId);
    }

    String instanceId() {
        return instanceId;
    }

    Terraform terraform() {
        return terraform;
    }

    /**
     * Brings the stack to the request {@code requestFor} makes from every routing claim held, and returns its
     * outputs; the claims the stack declares are reserved before the apply and confirmed from its outputs after.
     */
    StackOutputs apply(Function<List<RoutingClaim>, StackRequest> requestFor, Span parent) {
        Span span = Spans.child(tracer, "stack.apply", parent);
        try {
            StackRequest request;
            SynthesizedStack stack;
            synchronized (routes) {
                request = requestFor.apply(routes.all());
                stack = synthesizer.synth(request);
                routes.put(request.stackName(), DeclaredRoutes.of(stack));
            }
            span.setTag("stack", request.stackName());
            span.setTag("stage", request.liveLesson().stage());
            span.setTag("configure", request.configure());
            Workspace ws = terraform.workspaces().open(id(request.liveLesson().id()));
            ws.writeStack(withStateBackend(stack.json(), ws.stack()));
            if (!ws.initialized()) {
                terraform.init(ws, span);
            }
            SavedPlan plan = terraform.plan(ws, span);
            span.setTag("plan.add", plan.summary().add());
            span.setTag("plan.remove", plan.summary().remove());
            ApplyResult result = terraform.apply(plan, span);
            span.setTag("apply.seconds", result.elapsed().toMillis() / 1000.0);
            StackOutputs out = outputs(ws, span);
            routes.put(request.stackName(), out.routingClaims(request.stackName()));
            return out;
        } catch (RuntimeException e) {
            Spans.error(span, e);
            throw e;
        } finally {
            span.finish();
        }
    }

    /** The contract outputs of an applied stack. */
    StackOutputs outputs(Workspace ws, Span span) {
        return ContractOutputs.read(ws.stack().toString(), terraform.outputs(ws, span));
    }

    /** The stack's workspace if its directory exists. */
    Optional<Workspace> existing(StackId stack) {
        Path dir = workspaceDir(stack);
        return Files.isDirectory(dir) ? Optional.of(new Workspace(stack, dir)) : Optional.empty();
    }

    /** Where the stack's workspace is (or would be). */
    Path workspaceDir(StackId stack) {
        return terraform.workspaces().root().resolve(stack.instanceId()).resolve(stack.liveLessonId());
    }

    /**
     * The outputs of an applied stack that no process works on any more (after a restart), its routing claims
     * remembered; empty when it has no state ({@link #withState}).
     */
    Optional<StackOutputs> adopt(StackId id, Supplier<StackRequest> request, Span span) {
        Optional<Workspace> w = withState(id, request, span);
        if (w.isEmpty()) {
            return Optional.empty();
        }
        StackOutputs out;
        try {
            out = outputs(w.get(), span);
        } catch (StackContractException e) {
            return Optional.empty();
        }
        String uullid = instanceId + "-" + id.liveLessonId();
        routes.put(uullid, out.routingClaims(uullid));
        return Optional.of(out);
    }

    /**
     * The workspace of a stack that has state, ready for terraform; empty when it has none. A terraform left running
     * in it by a dead process is stopped first. With remote state, a missing workspace (a lost disk, another machine)
     * is made again from {@code request} and initialized, so the stack is found and kept. Call holding the livelesson.
     */
    Optional<Workspace> withState(StackId id, Supplier<StackRequest> request, Span span) {
        Optional<Workspace> ws = existing(id);
        ws.ifPresent(terraform::stopStrays);
        boolean local = terraform.stateBackend().local();
        if (local && (ws.isEmpty() || !ws.get().initialized() || !Files.exists(ws.get().stateFile()))) {
            return Optional.empty();
        }
        Workspace w = ws.orElseGet(() -> terraform.workspaces().open(id));
        if (!w.initialized()) {
            StackRequest r;
            SynthesizedStack stack;
            synchronized (routes) {
                r = request.get();
                stack = synthesizer.synth(r);
            }
            w.writeStack(withStateBackend(stack.json(), w.stack()));
            terraform.init(w, span);
        }
        return Optional.of(w);
    }

    /** Stops what terraform a dead process left running in the stack's workspace, if it has one. */
    void stopStrays(StackId id) {
        existing(id).ifPresent(terraform::stopStrays);
    }

    /**
     * Destroys everything in the stack's state, then removes its workspace (state included). When the destroy
     * fails, the workspace stays, so that a later garbage collection can retry; the failure is thrown.
     */
    void destroyAndRemove(StackId stack, Span parent) {
        Optional<Workspace> ws = existing(stack);
        if (ws.isEmpty()) {
            return;
        }
        Span span = Spans.child(tracer, "stack.destroy", parent);
        span.setTag("stack", stack.toString());
        try {
            ApplyResult r = terraform.destroy(ws.get(), span);
            span.setTag("destroy.noop", r.noop());
            span.setTag("destroy.removed", r.summary().remove());
            terraform.workspaces().remove(ws.get());
        } catch (RuntimeException e) {
            Spans.error(span, e);
            Spans.event(span, "workspace kept for a retry", Map.of("directory", ws.get().dir().toString()));
            throw e;
        } finally {
            span.finish();
        }
    }

    /**
     * As {@link #destroyAndRemove}, for a stack listed by a remote state lister that has no workspace here (its
     * livelesson and configuration are gone: another machine, a lost disk): the workspace is made from the target's
     * skeleton (its providers, no resources) and initialized on the remote state, so that the destroy can run.
     */
    void destroyOrphan(StackId stack, Span parent) {
        if (existing(stack).isEmpty() && !terraform.stateBackend().local()) {
            Workspace ws = terraform.workspaces().open(stack);
            ws.writeStack(withStateBackend(synthesizer.skeleton(), stack));
            terraform.init(ws, parent);
        }
        destroyAndRemove(stack, parent);
    }

    private String withStateBackend(String json, StackId stack) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(json);
            JsonNode backend = terraform.stateBackend().fragment(stack).path("terraform").path("backend");
            ObjectNode tf = root.has("terraform") ? (ObjectNode) root.get("terraform") : root.putObject("terraform");
            tf.set("backend", backend);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("stack " + stack + ": the synthesized JSON cannot be read", e);
        }
    }

    void close() {
        synthesizer.close();
    }
}
