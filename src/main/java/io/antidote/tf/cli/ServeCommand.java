package io.antidote.tf.cli;

import io.antidote.tf.AntidoteException;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.ConfigLoader;
import io.antidote.tf.curriculum.LoadResult;
import io.antidote.tf.scheduler.Scheduler;
import io.antidote.tf.scheduler.nats.NatsCompletionSink;
import io.antidote.tf.scheduler.nats.NatsRequestSource;
import io.antidote.tf.scheduler.nats.WireFormat;
import io.antidote.tf.terraform.TerraformListener;
import io.antidote.tf.tracing.Redactor;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code antidote-tf serve}: the scheduler as a service. Tracer from the configuration, the state database (the same
 * SQLite file {@code up}/{@code down} use, which must also be the one the API creates livelessons in before it
 * publishes a request), the curriculum stored in it, the terraform backend, and the {@link Scheduler} taking
 * requests from NATS ({@code natsUrl}, {@code antidote.lsr.incoming}) and reporting CREATEs on
 * {@code antidote.lsr.completed}. Runs until SIGTERM or SIGINT, then closes the scheduler (running requests get
 * its shutdown grace), the connection, the backend and the database, and exits.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the scheduler: take lesson schedule requests from NATS until SIGTERM/SIGINT.")
public final class ServeCommand implements Callable<Integer> {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Spec
    CommandSpec spec;

    @Mixin
    LifecycleOptions options;

    @Option(names = "--curriculum", paramLabel = "DIR",
            description = "The curriculum directory (default: curriculumDir of the configuration).")
    Path curriculum;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        AntidoteConfig config = ConfigLoader.load(options.config);
        Redactor.learn(Redactor.urlCredentials(config.natsUrl()));
        String natsUrl = Redactor.shared().redact(config.natsUrl());
        LoadResult all = Curricula.load(curriculum != null ? curriculum : config.curriculumDir());
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                closed.await(Scheduler.DEFAULT_SHUTDOWN_GRACE.multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "antidote-tf-serve-stop");
        try (Connection nats = connect(config.natsUrl());
                Lifecycle lc = Lifecycle.open(options, config, Curricula.offered(all, config.tier()),
                        TerraformListener.NONE)) {
            WireFormat wire = new WireFormat(lc.tracer);
            try (Scheduler scheduler = new Scheduler(lc.backend, lc.db, config, lc.tracer, Clock.systemUTC(),
                    new NatsRequestSource(nats, wire), new NatsCompletionSink(nats, wire))) {
                Runtime.getRuntime().addShutdownHook(hook);
                scheduler.start();
                err.println("antidote-tf: serving instance " + config.instanceId() + ": requests from " + natsUrl
                        + ", state in " + lc.dbFile + "; stop with SIGTERM or Ctrl-C");
                err.flush();
                stop.await();
                err.println("antidote-tf: stopping");
                err.flush();
            }
        } finally {
            closed.countDown();
        }
        err.println("antidote-tf: stopped");
        err.flush();
        return ExitCodes.OK;
    }

    private static Connection connect(String url) {
        BrokerLog log = new BrokerLog();
        Options natsOptions = new Options.Builder().server(url).connectionTimeout(CONNECT_TIMEOUT)
                .maxReconnects(-1).connectionName("antidote-tf-scheduler").errorListener(log).connectionListener(log)
                .build();
        try {
            Connection connection = Nats.connect(natsOptions);
            log.connected();
            return connection;
        } catch (IOException e) {
            throw new AntidoteException("cannot connect to NATS at " + Redactor.shared().redact(url) + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AntidoteException("interrupted while connecting to NATS at " + Redactor.shared().redact(url), e);
        }
    }
}
