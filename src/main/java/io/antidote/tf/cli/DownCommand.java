package io.antidote.tf.cli;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.Operation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code antidote-tf down ID}: the backend's DELETE in this process: one destroy of the livelesson's stack, then
 * its state removed whatever happened. When another process (an {@code up} in another shell, {@code serve}) is
 * creating or modifying the livelesson, the DELETE is recorded in the shared state database first: that process
 * cancels its terraform within a second or so and lets go, and the destroy follows. Exit 0 when the infrastructure is
 * gone; 1 when the destroy failed (the state is removed all the same, the workspace is kept and garbage collection,
 * or {@code prune --orphans}, retries it).
 */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Destroy a livelesson's infrastructure and remove its state.")
public final class DownCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LifecycleOptions options;

    @Parameters(index = "0", paramLabel = "ID", description = "The livelesson.")
    String id;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        AntidoteConfig config = options.load();
        try (Lifecycle state = Lifecycle.state(options, config)) {
            Known.liveLesson(spec.commandLine(), state, id);
        }
        try (Lifecycle lc = Lifecycle.open(options, config, null, new ResourceProgress(err))) {
            LiveLesson live = Known.liveLesson(spec.commandLine(), lc, id);
            LessonScheduleRequest request = new LessonScheduleRequest(Operation.DELETE, id, live.sessionId(),
                    live.lessonSlug(), live.stage());
            return BackendCall.run(lc, err, request, result -> {
                if (result.failed()) {
                    Path kept = lc.stackDir(id);
                    err.println(Failures.PREFIX + "destroying livelesson " + id + " " + result.verb() + ": "
                            + Failures.firstLine(result.failure().getMessage()) + "; its state is removed"
                            + (Files.exists(kept) ? ", its workspace " + kept + " is kept for `antidote-tf prune "
                                    + "--orphans " + options.flags() + "`" : ""));
                    err.flush();
                    return ExitCodes.FAILED;
                }
                PrintWriter out = spec.commandLine().getOut();
                out.println("livelesson " + id + " removed");
                out.flush();
                return ExitCodes.OK;
            });
        }
    }
}
