package io.antidote.tf.cli;

import io.antidote.tf.backend.terraform.CancelledException;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.curriculum.LoadResult;
import io.antidote.tf.lesson.Curriculum;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonFactory;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.live.LiveSession;
import io.antidote.tf.live.Operation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code antidote-tf up}: starts a livelesson from a shell, as the API and scheduler would: the curriculum (tier
 * filtered) stored in the state database, the livesession created if absent, the livelesson created and stored,
 * then the backend's CREATE run in this process, resource progress on stderr. Prints the livelesson (ID, status,
 * endpoints and addresses) on stdout. Exit 0 when READY; 1 when it failed, the livelesson then stays in the
 * database with Error=true so {@code down} can remove it. Ctrl-C cancels terraform and leaves the same. A
 * {@code down ID} of the same livelesson run meanwhile (in another shell: the two processes share the state database)
 * cancels the creation at once and removes the livelesson; {@code up} then says so and exits 1.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Create a livelesson of a lesson and run its infrastructure until READY.")
public final class UpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LifecycleOptions options;

    @Option(names = "--curriculum", paramLabel = "DIR",
            description = "The curriculum directory (default: curriculumDir of the configuration).")
    Path curriculum;

    @Option(names = "--lesson", required = true, paramLabel = "SLUG", description = "The lesson to start.")
    String lesson;

    @Option(names = "--stage", paramLabel = "N", defaultValue = "0", description = "The stage to start at (default 0).")
    int stage;

    @Option(names = "--session", paramLabel = "ID",
            description = "The livesession (default: cli-<user>); created when absent.")
    String session;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        AntidoteConfig config = options.load();
        LoadResult all = Curricula.load(curriculum != null ? curriculum : config.curriculumDir());
        Curriculum offered = Curricula.offered(all, config.tier());
        Lesson chosen = Curricula.lesson(spec.commandLine(), all, config.tier(), lesson);
        LiveLessonView.requireStage(spec.commandLine(), chosen, stage);
        String sessionId = session != null ? session : defaultSession();
        if (sessionId.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--session must not be empty");
        }
        try (Lifecycle lc = Lifecycle.open(options, config, offered, new ResourceProgress(err))) {
            LiveLessonFactory factory = new LiveLessonFactory(config.instanceId(), config.hepsDomain(),
                    BuildInfo.of(options.imageVersion).get("imageVersion"), offered.root(), lc.db::getImage,
                    LiveLessonFactory.randomIds(), Clock.systemUTC());
            LiveLesson live = factory.create(chosen, stage, sessionId);
            if (lc.db.getLiveSession(sessionId).isEmpty()) {
                lc.db.createLiveSession(new LiveSession(sessionId, "", false, Instant.now()));
            }
            lc.db.createLiveLesson(live);
            return create(lc, live, err);
        }
    }

    private int create(Lifecycle lc, LiveLesson live, PrintWriter err) {
        say(err, "livelesson " + live.id() + ": creating lesson " + live.lessonSlug() + " stage " + live.stage()
                + " (database " + lc.dbFile + ")");
        LessonScheduleRequest request = new LessonScheduleRequest(Operation.CREATE, live.id(), live.sessionId(),
                live.lessonSlug(), live.stage());
        return BackendCall.run(lc, err, request, result -> {
            if (result.failure() instanceof CancelledException) {
                say(err, Failures.PREFIX + "livelesson " + live.id() + ": its creation was cancelled: a DELETE of it "
                        + "(antidote-tf down, or the API) took over and removes it");
                return ExitCodes.FAILED;
            }
            LiveLesson now = lc.db.getLiveLesson(live.id()).orElse(null);
            if (now != null) {
                LiveLessonView.print(spec.commandLine().getOut(), output.format, now);
            }
            boolean ready = !result.failed() && now != null && now.status() == LiveLessonStatus.READY && !now.error();
            if (!ready) {
                say(err, Failures.PREFIX + "livelesson " + live.id() + " " + result.verb()
                        + (result.failed() ? ": " + Failures.firstLine(result.failure().getMessage()) : "")
                        + "; it stays in the database with Error=true: `antidote-tf down " + live.id()
                        + " " + options.flags() + "` removes it" + LifecycleLogs.HINT);
            }
            return ready ? ExitCodes.OK : ExitCodes.FAILED;
        });
    }

    private static void say(PrintWriter err, String line) {
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }

    /** {@code cli-<user>}: stable per user, so one user's livelessons share a session. */
    static String defaultSession() {
        String user = System.getProperty("user.name", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return "cli-" + (user.isBlank() ? "user" : user);
    }
}
