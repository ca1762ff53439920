package io.antidote.tf.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle commands report on their own (progress lines, the livelesson, one error line), so the backend's
 * log lines (which repeat a failure with terraform's output head and tail) stay off unless
 * {@code ANTIDOTE_TF_LOG_LEVEL} asks for them. {@code serve} keeps its logs: they are all a service has.
 */
final class LifecycleLogs {
    static final String HINT = " (ANTIDOTE_TF_LOG_LEVEL=warn shows terraform's output)";

    private LifecycleLogs() {
    }

    static void quiet() {
        if (System.getenv("ANTIDOTE_TF_LOG_LEVEL") == null
                && LoggerFactory.getLogger("io.antidote.tf") instanceof Logger logger) {
            logger.setLevel(Level.OFF);
        }
    }
}
