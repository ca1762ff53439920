package io.antidote.tf.backend.terraform;

import io.antidote.tf.AntidoteException;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.TerraformBackendConfig;
import io.antidote.tf.grammar.DockerNames;
import io.antidote.tf.grammar.Texts;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.readiness.CheckFactory;
import io.antidote.tf.readiness.EndpointReadinessWaiter;
import io.antidote.tf.readiness.NetworkChecks;
import io.antidote.tf.readiness.ReadinessSettings;
import io.antidote.tf.readiness.Sleeper;
import io.antidote.tf.stack.StackSynthesizer;
import io.antidote.tf.stack.aws.AwsStackSynthesizer;
import io.antidote.tf.stack.docker.DockerSecrets;
import io.antidote.tf.stack.docker.DockerStackSynthesizer;
import io.antidote.tf.stack.kubernetes.KubernetesStackSynthesizer;
import io.antidote.tf.stack.local.LocalStackSynthesizer;
import io.antidote.tf.state.DataManager;
import io.antidote.tf.terraform.StackLister;
import io.antidote.tf.terraform.StateBackend;
import io.antidote.tf.terraform.Terraform;
import io.antidote.tf.tracing.Redactor;
import io.opentracing.Tracer;
import io.antidote.tf.state.Ledger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds a ready {@link TerraformBackend}, doing all setup: checks {@code buildInfo.imageVersion}, opens the runner
 * (finds the binary, gates its version, creates the work directory), picks the stack target from
 * {@code backendConfigs.terraform.target} ({@code aws}, {@code kubernetes} or {@code local}), and wires readiness,
 * locks, the routing registry and the pruning workers ({@code runner.maxConcurrent} threads). Fails with a clear
 * exception, never exits the JVM.
 */
public final class TerraformBackendFactory {
    private TerraformBackendFactory() {
    }

    public static TerraformBackend create(AntidoteConfig config, DataManager db, Map<String, String> buildInfo,
            Tracer tracer) {
        return create(config, db, buildInfo, tracer, BackendOptions.defaults());
    }

    public static TerraformBackend create(AntidoteConfig config, DataManager db, Map<String, String> buildInfo,
            Tracer tracer, BackendOptions options) {
        String imageVersion = buildInfo.get("imageVersion");
        if (imageVersion == null || imageVersion.isBlank()) {
            throw new AntidoteException("terraform backend: buildInfo.imageVersion is required");
        }
        DockerNames.TAG.problem(imageVersion).ifPresent(reason -> {
            throw new AntidoteException("terraform backend: buildInfo.imageVersion '" + Texts.printable(imageVersion)
                    + "' " + reason);
        });
        TerraformBackendConfig tfc = config.backendConfigs().terraform();
        List<String> secrets = new ArrayList<>();
        for (Image image : db.listImages()) {
            secrets.add(image.sshPassword());
            secrets.add(image.configPassword());
        }
        Redactor redactor = Redactor.learn(secrets);
        if (tfc.target().equals("docker")) {
            DockerSecrets.write(DockerStackSynthesizer.secretsDir(config), db.listImages());
        }
        Terraform terraform = Terraform.open(tfc.runner(), StateBackend.from(tfc.state()), tracer, options.listener(),
                secrets);
        StackSynthesizer synthesizer = options.synthesizer() != null ? options.synthesizer()
                : target(config, buildInfo, tracer);
        CheckFactory checks = options.checks() != null ? options.checks() : new NetworkChecks();
        ReadinessSettings readiness = options.readiness() != null ? options.readiness() : ReadinessSettings.from(tfc);
        EndpointReadinessWaiter waiter = new EndpointReadinessWaiter(tracer, checks, readiness, options.clock(),
                Sleeper.SYSTEM);
        ExecutorService workers = Executors.newFixedThreadPool(tfc.runner().maxConcurrent(), daemons());
        RoutingRegistry routes = new RoutingRegistry();
        LessonStacks stacks = new LessonStacks(terraform, synthesizer, tracer, config.instanceId(), routes);
        List<AutoCloseable> closing = new ArrayList<>();
        Ledger ledger = options.ledger();
        if (ledger == null) {
            ledger = Ledger.inMemory();
            closing.add(ledger);
        }
        Exclusive exclusive = new Exclusive(new LiveLessonLocks(), ledger, ProcessOwner.current(), options.clock(),
                new InFlight(), id -> stacks.stopStrays(stacks.id(id)));
        Parts parts = new Parts(config, db, tracer, stacks, routes, exclusive, waiter, options.clock(),
                options.readyDelay(), redactor, synthesizer.evidence(), new AtomicBoolean());
        DestroyRetries retries = new DestroyRetries(ledger, options.clock(),
                Duration.ofSeconds(config.scheduler().gcIntervalSeconds()),
                Duration.ofMinutes(tfc.retryBackoffMaxMinutes()), tfc.stuckAfterAttempts(), redactor);
        List<StackLister> listers = new ArrayList<>();
        listers.add(new StackLister.Local(terraform.workspaces()));
        listers.addAll(options.remoteListers() != null ? options.remoteListers()
                : RemoteListers.of(terraform.stateBackend()));
        Removal removal = new Removal(parts, retries);
        Pruning pruning = new Pruning(parts, removal, listers, workers, retries);
        if (checks instanceof AutoCloseable c) {
            closing.add(c);
        }
        return new TerraformBackend(buildInfo, parts, retries, pruning, removal, workers, closing);
    }

    private static StackSynthesizer target(AntidoteConfig config, Map<String, String> buildInfo, Tracer tracer) {
        TerraformBackendConfig tfc = config.backendConfigs().terraform();
        return switch (tfc.target()) {
            case "aws" -> new AwsStackSynthesizer(config, buildInfo, tracer);
            case "local" -> new LocalStackSynthesizer(tfc.local());
            case "docker" -> new DockerStackSynthesizer(config, buildInfo);
            case "kubernetes" -> new KubernetesStackSynthesizer(config, buildInfo, tracer);
            default -> throw new AntidoteException("backendConfigs.terraform.target '" + tfc.target()
                    + "' is not a target (aws|docker|kubernetes|local)");
        };
    }

    private static java.util.concurrent.ThreadFactory daemons() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "antidote-tf-gc-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
