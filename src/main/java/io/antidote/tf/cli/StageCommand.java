package io.antidote.tf.cli;

import io.antidote.tf.api.StageChange;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonFactory;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.live.Operation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code antidote-tf stage ID N}: moves a READY livelesson to stage N as the reference API does (status
 * CONFIGURATION, the stage, the stage's guide, in the state database), then runs the backend's MODIFY in this
 * process. Prints the livelesson; exit 0 when READY again, 1 when the stage's configuration failed (Error=true).
 */
@Command(name = "stage", mixinStandardHelpOptions = true,
        description = "Move a livelesson to another stage and run that stage's configuration.")
public final class StageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LifecycleOptions options;

    @Parameters(index = "0", paramLabel = "ID", description = "The livelesson.")
    String id;

    @Parameters(index = "1", paramLabel = "N", description = "The stage to move to.")
    int stage;

    @Option(names = "--curriculum", paramLabel = "DIR",
            description = "The curriculum directory, for the stage's guide (default: curriculumDir of the configuration).")
    Path curriculum;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        AntidoteConfig config = options.load();
        try (Lifecycle state = Lifecycle.state(options, config)) {
            check(state);
        }
        try (Lifecycle lc = Lifecycle.open(options, config, null, new ResourceProgress(err))) {
            LiveLesson live = check(lc);
            Lesson lesson = lc.db.getLesson(live.lessonSlug()).orElseThrow();
            LiveLessonFactory factory = new LiveLessonFactory(config.instanceId(), config.hepsDomain(),
                    BuildInfo.of(options.imageVersion).get("imageVersion"),
                    curriculum != null ? curriculum.toAbsolutePath() : config.curriculumDir(), lc.db::getImage,
                    () -> id, Clock.systemUTC());
            StageChange.apply(lc.db, factory, live, lesson, stage);
            lc.db.updateLiveLessonLastActiveTime(id, Instant.now());
            return modify(lc, live, err);
        }
    }

    /** The livelesson, when it exists, is READY without error, and its lesson has the stage; a usage error if not. */
    private LiveLesson check(Lifecycle lc) {
        LiveLesson live = Known.liveLesson(spec.commandLine(), lc, id);
        if (live.status() != LiveLessonStatus.READY || live.error()) {
            throw new ParameterException(spec.commandLine(), "livelesson " + id + " is " + live.status()
                    + (live.error() ? " with Error=true" : "") + "; only a READY livelesson changes stage");
        }
        Lesson lesson = lc.db.getLesson(live.lessonSlug()).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "livelesson " + id + ": its lesson " + live.lessonSlug() + " is not in " + lc.dbFile));
        LiveLessonView.requireStage(spec.commandLine(), lesson, stage);
        return live;
    }

    private int modify(Lifecycle lc, LiveLesson live, PrintWriter err) {
        LessonScheduleRequest request = new LessonScheduleRequest(Operation.MODIFY, id, live.sessionId(),
                live.lessonSlug(), stage);
        return BackendCall.run(lc, err, request, result -> {
            LiveLesson now = lc.db.getLiveLesson(id).orElseThrow();
            LiveLessonView.print(spec.commandLine().getOut(), output.format, now);
            if (result.failed()) {
                err.println(Failures.PREFIX + "livelesson " + id + " " + result.verb() + " at stage " + stage + ": "
                        + Failures.firstLine(result.failure().getMessage()));
                err.flush();
                return ExitCodes.FAILED;
            }
            return now.status() == LiveLessonStatus.READY && !now.error() ? ExitCodes.OK : ExitCodes.FAILED;
        });
    }
}
