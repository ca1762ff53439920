package io.antidote.tf.cli;

import io.antidote.tf.live.LiveLesson;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Looks up what an invocation names in the state database; an unknown name is a usage error. */
final class Known {
    private Known() {
    }

    static LiveLesson liveLesson(CommandLine cli, Lifecycle lc, String id) {
        return lc.db.getLiveLesson(id).orElseThrow(() -> new ParameterException(cli,
                "no livelesson '" + id + "' in " + lc.dbFile + " (antidote-tf list shows them)"));
    }
}
