package io.antidote.tf.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.PrivateFiles;
import io.antidote.tf.config.RunnerConfig;
import io.antidote.tf.tracing.Redactor;
import io.antidote.tf.tracing.Spans;
import io.opentracing.Span;
import io.opentracing.Tracer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terraform runner: init, plan to a file, apply exactly that plan, destroy, outputs and state, each as a traced
 * child span, always non-interactive, with a controlled environment, at most {@code runner.maxConcurrent} processes
 * at once, per-phase timeouts and stall detection. Failures are {@link TerraformException}s carrying the command,
 * directory, exit code, diagnostics and redacted output. Open one with {@link #open}, which checks the version.
 */
public final class Terraform {
    private static final Logger LOG = LoggerFactory.getLogger(Terraform.class);
    private static final List<String> COMMON = List.of("-input=false", "-no-color");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong PLAN_NUMBER = new AtomicLong();
    private final RunnerConfig config;
    private final StateBackend backend;
    private final Tracer tracer;
    private final Workspaces workspaces;
    private final CommandExecution execution;
    private final Redactor redactor;
    private final TerraformVersion version;
    private final LockFileSeeds seeds = new LockFileSeeds();

    private Terraform(RunnerConfig config, StateBackend backend, Tracer tracer, CommandExecution execution,
            Redactor redactor, TerraformVersion version) {
        this.config = config;
        this.backend = backend;
        this.tracer = tracer;
        this.workspaces = new Workspaces(Path.of(config.workDir()));
        this.execution = execution;
        this.redactor = redactor;
        this.version = version;
    }

    /**
     * Finds the binary, checks {@code version -json} against the supported range and returns a ready runner.
     *
     * @param extraSecrets values to mask in everything logged, besides the credentials passed by {@code passEnv}
     */
    public static Terraform open(RunnerConfig config, StateBackend backend, Tracer tracer, TerraformListener listener,
            List<String> extraSecrets) {
        ChildEnvironment env = ChildEnvironment.of(System.getenv(), config);
        if (!env.strippedTerraformVariables().isEmpty()) {
            LOG.warn("not passing these variables of this process to terraform: {}", env.strippedTerraformVariables());
        }
        Path binary = Binaries.resolve(config.binary(), env.variables().get("PATH"));
        Redactor.learn(env.secretValues());
        Redactor redactor = Redactor.learn(extraSecrets);
        CommandExecution execution = new CommandExecution(config, binary, env, redactor,
                new Semaphore(config.maxConcurrent(), true), listener);
        Workspaces ws = new Workspaces(Path.of(config.workDir()));
        Path root = ws.root();
        try {
            PrivateFiles.createDirectories(root);
        } catch (IOException e) {
            throw new TerraformException("cannot create the work directory " + root, e);
        }
        Span span = tracer.buildSpan(Phase.VERSION.operation()).start();
        try {
            CommandExecution.Result r = execution.run(Phase.VERSION, null, root, List.of("version", "-json"), true,
                    new SpanRecorder(span, redactor));
            requireSuccess(Phase.VERSION, r, List.of(0));
            TerraformVersion v = TerraformVersion.parse(r.document(), config.binary()).requireSupported(
                    config.binary());
            span.setTag("terraform.version", v.text());
            return new Terraform(config, backend, tracer, execution, redactor, v);
        } catch (RuntimeException e) {
            Spans.error(span, e);
            throw e;
        } finally {
            span.finish();
        }
    }

    public TerraformVersion version() {
        return version;
    }

    public Workspaces workspaces() {
        return workspaces;
    }

    public StateBackend stateBackend() {
        return backend;
    }

    /**
     * {@code terraform init}. With a plugin cache, inits are serialized on it, and a stack without a lock file starts
     * from the one of an earlier init of the same providers ({@link LockFileSeeds}), so that it only links the
     * cached provider instead of installing it again under other stacks' running commands.
     */
    public void init(Workspace ws, Span parent) {
        List<String> args = new ArrayList<>(List.of("init"));
        args.addAll(COMMON);
        if (version.initSpeaksJson()) {
            args.add("-json");
        }
        args.addAll(backend.initArgs(ws.stack()));
        if (config.pluginCacheDir().isEmpty()) {
            command(Phase.INIT, ws, args, parent, List.of(0));
            return;
        }
        try (PluginCacheLock.Held held = PluginCacheLock.acquire(Path.of(config.pluginCacheDir()))) {
            Optional<JsonNode> providers = seeds.seed(ws);
            command(Phase.INIT, ws, args, parent, List.of(0));
            seeds.learn(ws, providers);
        } catch (IOException e) {
            throw new TerraformException("cannot read or write the dependency lock file in " + ws.dir(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TerraformException("interrupted waiting for the plugin cache lock", e);
        }
    }

    /** {@code terraform plan -out=<file> -detailed-exitcode}: exit 2 means changes, not an error. */
    public SavedPlan plan(Workspace ws, Span parent) {
        return plan(ws, parent, false);
    }

    /** A destroy plan ({@code plan -destroy}), applied with {@link #apply} like any other. */
    public SavedPlan planDestroy(Workspace ws, Span parent) {
        return plan(ws, parent, true);
    }

    private SavedPlan plan(Workspace ws, Span parent, boolean destroy) {
        String name = "tfplan-" + PLAN_NUMBER.incrementAndGet();
        List<String> args = new ArrayList<>(List.of("plan"));
        args.addAll(COMMON);
        args.addAll(List.of("-json", "-detailed-exitcode", "-out=" + name));
        if (destroy) {
            args.add("-destroy");
        }
        CommandExecution.Result r = command(Phase.PLAN, ws, args, parent, List.of(0, 2));
        Path file = ws.dir().resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new TerraformCommandException("terraform plan succeeded but wrote no plan file " + name, r.report());
        }
        PlanSummary summary = r.summary() != null ? r.summary() : PlanSummary.none(destroy ? "destroy" : "plan");
        return new SavedPlan(ws, file, summary, destroy);
    }

    /**
     * {@code terraform plan -refresh-only -detailed-exitcode}: compares the real infrastructure with the state without
     * changing either (nothing is applied; the plan file is removed). Exit 2 means drift.
     */
    public DriftResult planRefreshOnly(Workspace ws, Span parent) {
        String name = "tfplan-" + PLAN_NUMBER.incrementAndGet();
        List<String> args = new ArrayList<>(List.of("plan"));
        args.addAll(COMMON);
        args.addAll(List.of("-json", "-refresh-only", "-detailed-exitcode", "-out=" + name));
        try {
            CommandExecution.Result r = command(Phase.PLAN, ws, args, parent, List.of(0, 2));
            return new DriftResult(r.outcome().exitCode() == 2, r.drift());
        } finally {
            try {
                Files.deleteIfExists(ws.dir().resolve(name));
            } catch (IOException e) {
                LOG.warn("could not remove plan file {}: {}", name, e.toString());
            }
        }
    }

    /** Applies exactly {@code plan}; the plan file is removed afterwards. State is kept when the apply fails. */
    public ApplyResult apply(SavedPlan plan, Span parent) {
        if (!plan.claim()) {
            throw new IllegalStateException(plan + " was already applied; make a new plan");
        }
        List<String> args = new ArrayList<>(List.of("apply"));
        args.addAll(COMMON);
        args.addAll(List.of("-json", "-auto-approve", plan.file().getFileName().toString()));
        try {
            CommandExecution.Result r = command(plan.destroy() ? Phase.DESTROY : Phase.APPLY, plan.workspace(),
                    args, parent, List.of(0));
            PlanSummary summary = r.summary() != null ? r.summary() : plan.summary();
            return new ApplyResult(summary, r.timings(), r.outcome().elapsed(), false);
        } finally {
            try {
                Files.deleteIfExists(plan.file());
            } catch (IOException e) {
                LOG.warn("could not remove plan file {}: {}", plan.file(), e.toString());
            }
        }
    }

    /** Destroys everything in the stack's state; with no state (or an empty one) it is a no-op success. */
    public ApplyResult destroy(Workspace ws, Span parent) {
        if (backend.local() && !Files.exists(ws.stateFile())) {
            return new ApplyResult(PlanSummary.none("destroy"), Map.of(), Duration.ZERO, true);
        }
        if (!ws.initialized()) {
            init(ws, parent);
        }
        if (stateResources(ws, parent).isEmpty()) {
            return new ApplyResult(PlanSummary.none("destroy"), Map.of(), Duration.ZERO, true);
        }
        return apply(planDestroy(ws, parent), parent);
    }

    /**
     * Stops the terraform processes that a process which died left running in {@code ws} (they hold its state lock):
     * one SIGINT each, {@code runner.cancelGraceSeconds} to stop, then their process groups killed. Returns how many
     * there were. Only for a stack no live process works on.
     */
    public int stopStrays(Workspace ws) {
        try {
            return ProcessSupervisor.stopStrays(ws.dir(), Path.of(config.binary()).getFileName().toString(),
                    Duration.ofSeconds(config.cancelGraceSeconds()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TerraformException("interrupted while stopping the terraform left running in " + ws.dir(), e);
        }
    }

    /** The root module's outputs ({@code terraform output -json}); sensitive values are redacted in toString. */
    public Map<String, OutputValue> outputs(Workspace ws, Span parent) {
        List<String> args = new ArrayList<>(List.of("output"));
        args.addAll(List.of("-no-color", "-json"));
        CommandExecution.Result r = command(Phase.OUTPUT, ws, args, parent, List.of(0));
        return OutputParser.parse(r.document(), r.report());
    }

    /** The addresses of the resources in the stack's state ({@code terraform show -json}). */
    public List<String> stateResources(Workspace ws, Span parent) {
        CommandExecution.Result r = command(Phase.SHOW, ws, List.of("show", "-no-color", "-json"), parent,
                List.of(0));
        JsonNode root;
        try {
            root = JSON.readTree(r.document());
        } catch (IOException e) {
            throw new TerraformOutputException("`terraform show -json` printed something that is not JSON",
                    r.report());
        }
        List<String> addresses = new ArrayList<>();
        collect(root.path("values").path("root_module"), addresses);
        return List.copyOf(addresses);
    }

    /**
     * The saved plan as terraform's JSON plan representation ({@code terraform show -json <planfile>}:
     * {@code resource_changes} and the rest), as printed; never logged. The plan file is kept.
     */
    public String showPlan(SavedPlan plan, Span parent) {
        return command(Phase.SHOW, plan.workspace(), List.of("show", "-no-color", "-json",
                plan.file().getFileName().toString()), parent, List.of(0)).document();
    }

    private static void collect(JsonNode module, List<String> into) {
        module.path("resources").forEach(res -> into.add(res.path("address").asText()));
        module.path("child_modules").forEach(child -> collect(child, into));
    }

    private CommandExecution.Result command(Phase phase, Workspace ws, List<String> args, Span parent,
            List<Integer> okExits) {
        ws.touch();
        Span span = Spans.child(tracer, phase.operation(), parent);
        span.setTag("terraform.stack", ws.stack().toString());
        span.setTag("terraform.dir", ws.dir().toString());
        boolean succeeded = false;
        try {
            boolean document = phase == Phase.OUTPUT || phase == Phase.SHOW;
            CommandExecution.Result r = execution.run(phase, ws, ws.dir(), args, document,
                    new SpanRecorder(span, redactor));
            span.setTag("terraform.exit_code", r.outcome().exitCode());
            requireSuccess(phase, r, okExits);
            succeeded = true;
            return r;
        } catch (RuntimeException e) {
            Spans.error(span, e);
            throw e;
        } finally {
            span.finish();
            execution.finished(phase, ws, succeeded);
        }
    }

    private static void requireSuccess(Phase phase, CommandExecution.Result r, List<Integer> okExits) {
        String what = "terraform " + phase.name().toLowerCase(java.util.Locale.ROOT);
        switch (r.outcome().ending()) {
            case TIMED_OUT -> throw new TerraformTimeoutException(what + " ran past its timeout", r.report());
            case STALLED -> throw new TerraformStalledException(what + " printed nothing for too long", r.report());
            case EXITED -> {
                if (okExits.contains(r.outcome().exitCode())) {
                    return;
                }
                for (Diagnostic d : r.report().diagnostics()) {
                    if (StateLockedException.isLockError(d)) {
                        throw new StateLockedException(r.report(), d);
                    }
                    if (phase == Phase.INIT && ProviderUnavailableException.isInstallError(d)) {
                        throw new ProviderUnavailableException(r.report(), d);
                    }
                }
                throw new TerraformCommandException(what + " failed", r.report());
            }
        }
    }
}
