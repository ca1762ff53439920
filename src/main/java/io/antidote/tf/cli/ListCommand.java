package io.antidote.tf.cli;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.ConfigLoader;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.state.PendingDestroy;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code antidote-tf list}: the livelessons in the state database, oldest first: ID, lesson, stage, status, error (and
 * the first line of the error detail), session, age and endpoints. With {@code --stuck}: the stacks whose destroy
 * failed {@code stuckAfterAttempts} times or more (garbage collection still retries them), with their attempts,
 * since when, the next try and the last error; {@code --pending} lists every pending destroy. Reads the database only
 * (no terraform needed).
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the livelessons in the state database.")
public final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LifecycleOptions options;

    @Mixin
    OutputOption output;

    @Option(names = "--stuck", description = "List the stacks that could not be destroyed after stuckAfterAttempts "
            + "tries instead of livelessons.")
    boolean stuck;

    @Option(names = "--pending", description = "List every stack waiting to be destroyed (failed destroys, kept "
            + "failures) instead of livelessons.")
    boolean pending;

    @Override
    public Integer call() {
        AntidoteConfig config = ConfigLoader.load(options.config);
        if (stuck || pending) {
            try (Lifecycle lc = Lifecycle.state(options, config)) {
                int after = config.backendConfigs().terraform().stuckAfterAttempts();
                List<PendingDestroy> shown = lc.db.ledger().pendingDestroys().stream()
                        .filter(p -> pending || p.attempts() >= after).toList();
                PrintWriter out = spec.commandLine().getOut();
                out.print(PendingView.render(shown, output.format, lc.workDir().resolve(config.instanceId())));
                out.flush();
                return ExitCodes.OK;
            }
        }
        try (Lifecycle lc = Lifecycle.state(options, config)) {
            List<LiveLesson> lessons = lc.db.listLiveLessons().stream()
                    .sorted(Comparator.comparing(LiveLesson::createdTime).thenComparing(LiveLesson::id)).toList();
            PrintWriter out = spec.commandLine().getOut();
            out.print(switch (output.format) {
                case text -> LiveLessonView.table(lessons, Instant.now());
                case json -> LiveLessonView.json(lessons, Instant.now());
            });
            out.flush();
            return ExitCodes.OK;
        }
    }
}
