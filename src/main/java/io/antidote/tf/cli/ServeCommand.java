package io.antidote.tf.cli;

import io.antidote.tf.api.AdminToken;
import io.antidote.tf.api.ApiServer;
import io.antidote.tf.api.CurriculumQueries;
import io.antidote.tf.api.HealthCheck;
import io.antidote.tf.api.LiveLessonRequests;
import io.antidote.tf.api.LiveSessionRequests;
import io.antidote.tf.api.message.Envelopes;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.ConfigLoader;
import io.antidote.tf.curriculum.LoadResult;
import io.antidote.tf.lesson.Curriculum;
import io.antidote.tf.live.LiveLessonFactory;
import io.antidote.tf.metrics.ServeMetrics;
import io.antidote.tf.scheduler.Scheduler;
import io.antidote.tf.state.DataManager;
import io.antidote.tf.tracing.Redactor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code antidote-tf serve}: Antidote's service in one process over one state store: the HTTP API antidote-web calls
 * (on {@code httpPort}), the scheduler and garbage collection, with requests between them in process or over NATS
 * ({@link RequestTransport}). The curriculum is stored in the state database first. Runs until SIGTERM or SIGINT
 * ({@link StopSignals}); then the API stops accepting and finishes the requests it is answering, the scheduler lets
 * running requests finish within {@code scheduler.shutdownGraceSeconds} and cancels the rest, and the command exits
 * 0.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run Antidote's API, scheduler and garbage collection until SIGTERM/SIGINT.")
public final class ServeCommand implements Callable<Integer> {
    /** How long the API lets the requests it is answering finish when it stops. */
    static final Duration API_STOP_TIMEOUT = Duration.ofSeconds(5);

    @Spec
    CommandSpec spec;

    @Mixin
    LifecycleOptions options;

    @Option(names = "--curriculum", paramLabel = "DIR",
            description = "The curriculum directory (default: curriculumDir of the configuration).")
    Path curriculum;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "The API's port instead of httpPort of the configuration; 0: any free port.")
    Integer httpPort;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        AntidoteConfig config = ConfigLoader.load(options.config);
        Redactor.learn(Redactor.urlCredentials(config.natsUrl()));
        Optional<AdminToken> adminToken = AdminToken.load(options.config, config.api(), System.getenv());
        int port = port(config);
        LoadResult all = Curricula.load(curriculum != null ? curriculum : config.curriculumDir());
        Curriculum offered = Curricula.offered(all, config.tier());
        ServeMetrics metrics = new ServeMetrics();
        Duration grace = Duration.ofSeconds(config.scheduler().shutdownGraceSeconds());
        try (StopSignals signals = StopSignals.install();
                Lifecycle lc = Lifecycle.open(options, config, offered, metrics);
                RequestTransport transport = RequestTransport.open(config, lc.tracer);
                Scheduler scheduler = new Scheduler(lc.backend, lc.db, config, lc.tracer, Clock.systemUTC(),
                        transport.source, transport.completions, grace, metrics)) {
            metrics.watch(lc.db, scheduler::waitingRequests, scheduler::runningRequests);
            metrics.watchDestroys(lc.backend.ledger(), lc.backend.stuckAfterAttempts());
            Map<String, String> build = BuildInfo.of(options.imageVersion);
            LiveLessonFactory factory = new LiveLessonFactory(config.instanceId(), config.hepsDomain(),
                    build.get("imageVersion"), offered.root(), lc.db::getImage, LiveLessonFactory.randomIds(),
                    Clock.systemUTC());
            ApiServer.Routes routes = new ApiServer.Routes(lc.tracer,
                    new LiveLessonRequests(lc.db, factory, transport.publisher, config.liveLessonLimit(),
                            Clock.systemUTC()),
                    new LiveSessionRequests(lc.db, config.liveSessionLimit(), config.devMode(), Clock.systemUTC()),
                    new CurriculumQueries(lc.db, new Envelopes.AntidoteInfo("unknown", build.get("version"),
                            config.curriculumVersion())),
                    adminToken, () -> health(scheduler, lc.db, transport), metrics);
            try (ApiServer api = ApiServer.start(routes, port, API_STOP_TIMEOUT)) {
                scheduler.start();
                say(err, "antidote-tf: serving instance " + config.instanceId() + ": API on port " + api.port()
                        + ", " + transport.description + ", state in " + lc.dbFile
                        + "; stop with SIGTERM or Ctrl-C");
                signals.await();
                say(err, "antidote-tf: stopping (" + signals.received() + "): the API stops accepting; running "
                        + "requests get " + grace.toSeconds() + " s to finish before they are cancelled");
            }
        }
        say(err, "antidote-tf: stopped");
        return ExitCodes.OK;
    }

    private int port(AntidoteConfig config) {
        if (httpPort == null) {
            return config.httpPort();
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--http-port " + httpPort + " is not a port (0..65535)");
        }
        return httpPort;
    }

    private static HealthCheck.Health health(Scheduler scheduler, DataManager db, RequestTransport transport) {
        Map<String, String> parts = new LinkedHashMap<>();
        boolean healthy = true;
        boolean running = scheduler.running();
        parts.put("scheduler", running ? "running" : "not running");
        healthy &= running;
        try {
            db.getCurriculumInfo();
            parts.put("database", "ok");
        } catch (RuntimeException e) {
            parts.put("database", "failing: " + Failures.firstLine(e.getMessage()));
            healthy = false;
        }
        if (transport.natsStatus() != null) {
            parts.put("nats", transport.natsStatus());
            healthy &= transport.natsConnected();
        }
        return new HealthCheck.Health(healthy, parts);
    }

    private static void say(PrintWriter err, String line) {
        err.println(line);
        err.flush();
    }
}
