package io.antidote.tf.cli;

import io.antidote.tf.config.ConfigLoader;
import io.antidote.tf.live.LiveLesson;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code antidote-tf list}: the livelessons in the state database, oldest first: ID, lesson, stage, status, error,
 * session, age and endpoints. Reads the database only (no terraform needed).
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the livelessons in the state database.")
public final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LifecycleOptions options;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        try (Lifecycle lc = Lifecycle.state(options, ConfigLoader.load(options.config))) {
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
