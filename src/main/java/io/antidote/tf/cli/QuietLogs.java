package io.antidote.tf.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands report through their own output (reports, progress, one error line), so the runner's warnings (terraform's
 * own warning diagnostics, stripped variables) are not repeated on stderr unless {@code ANTIDOTE_TF_LOG_LEVEL} asks.
 */
final class QuietLogs {
    private QuietLogs() {
    }

    static void forCommands() {
        if (System.getenv("ANTIDOTE_TF_LOG_LEVEL") == null
                && LoggerFactory.getLogger("io.antidote.tf.terraform") instanceof Logger logger) {
            logger.setLevel(Level.ERROR);
        }
    }
}
