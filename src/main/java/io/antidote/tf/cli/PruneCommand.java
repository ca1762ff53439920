package io.antidote.tf.cli;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.Operation;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code antidote-tf prune [--orphans]}: garbage collection from a shell. With {@code --orphans}, first the start-up
 * reconciliation runs (PruneOrphans): every stack of this instance without a livelesson, or whose pending destroy is
 * due, is destroyed and removed, a DELETE a dead process left unfinished is finished, and a CREATE or MODIFY left
 * unfinished is reported (serve resumes those); then livelessons idle longer than
 * {@code liveLessonTTL} (unless their session is persistent) are removed (PruneOldLiveLessons). Prints each removed
 * livelesson and stack; exit 1 when an orphaned stack could not be removed.
 */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = "Remove livelessons idle longer than liveLessonTTL and, with --orphans, stacks without a livelesson.")
public final class PruneCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LifecycleOptions options;

    @Option(names = "--orphans", description = "First destroy and remove every stack that has no livelesson.")
    boolean orphans;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        AntidoteConfig config = options.load();
        try (Lifecycle lc = Lifecycle.open(options, config, null, new ResourceProgress(err))) {
            int grace = config.backendConfigs().terraform().runner().cancelGraceSeconds();
            try (Interruption interruption = Interruption.during(err, Duration.ofSeconds(grace + 30L))) {
                List<String> failed = new ArrayList<>();
                if (orphans) {
                    Set<String> live = ids(lc);
                    List<String> before = lc.stacks().stream().filter(s -> !live.contains(s)).toList();
                    lc.backend.pruneOrphans();
                    for (LessonScheduleRequest r : lc.backend.resumable()) {
                        if (r.operation() == Operation.DELETE) {
                            lc.backend.handleDelete(null, r);
                            out.println("removed livelesson " + r.liveLessonId() + " (its DELETE was left unfinished)");
                        } else {
                            err.println(Failures.PREFIX + "livelesson " + r.liveLessonId() + " was left mid-"
                                    + r.operation() + " by a process that died: `antidote-tf serve` resumes it, "
                                    + "`antidote-tf down " + r.liveLessonId() + "` removes it");
                        }
                    }
                    List<String> after = lc.stacks();
                    for (String id : before) {
                        if (after.contains(id)) {
                            failed.add(id);
                        } else {
                            out.println("removed orphaned stack " + id);
                        }
                    }
                }
                List<LiveLesson> before = lc.db.listLiveLessons();
                lc.backend.pruneOldLiveLessons(null);
                Set<String> after = ids(lc);
                before.stream().filter(l -> !after.contains(l.id())).forEach(l -> out.println("removed livelesson "
                        + l.id() + " (lesson " + l.lessonSlug() + ", last active " + l.lastActiveTime() + ")"));
                out.flush();
                for (String id : failed) {
                    err.println(Failures.PREFIX + "orphaned stack " + id + " could not be removed; its workspace "
                            + lc.stackDir(id) + " is kept for the next prune");
                }
                err.flush();
                return failed.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
            }
        }
    }

    private static Set<String> ids(Lifecycle lc) {
        return lc.db.listLiveLessons().stream().map(LiveLesson::id).collect(Collectors.toSet());
    }
}
