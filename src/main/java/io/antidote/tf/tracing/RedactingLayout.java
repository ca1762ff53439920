package io.antidote.tf.tracing;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The logback layout of every log line: the pattern's output, stack traces included, through the
 * {@linkplain Redactor#shared() shared redactor}. Configured in {@code logback.xml}, so no logger, ours or a
 * library's, writes a secret the process knows.
 */
public class RedactingLayout extends PatternLayout {
    @Override
    public String doLayout(ILoggingEvent event) {
        return Redactor.shared().redact(super.doLayout(event));
    }
}
