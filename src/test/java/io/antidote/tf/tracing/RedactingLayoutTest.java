package io.antidote.tf.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Every log line, whichever logger writes it, passes the shared redactor: message, arguments and stack trace. */
class RedactingLayoutTest {

    @Test
    @SuppressWarnings("unchecked")
    void theConfiguredAppenderOfEveryLoggerUsesTheRedactingLayout() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var appender = root.getAppender("STDERR");
        assertThat(appender).isInstanceOf(ConsoleAppender.class);
        var encoder = ((ConsoleAppender<ILoggingEvent>) appender).getEncoder();
        assertThat(encoder).isInstanceOf(LayoutWrappingEncoder.class);
        assertThat(((LayoutWrappingEncoder<ILoggingEvent>) encoder).getLayout()).isInstanceOf(RedactingLayout.class);
    }

    @Test
    void aLineAndItsStackTraceAreRedactedWithWhatTheSharedRedactorLearned() {
        String secret = "layout-secret-" + System.nanoTime();
        Redactor.learn(List.of(secret));
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        RedactingLayout layout = new RedactingLayout();
        layout.setContext(context);
        layout.setPattern("%level %logger - %msg%n");
        layout.start();
        Logger logger = context.getLogger("com.example.Library");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.ERROR,
                "connecting to {} with {} failed", new IllegalStateException("refused for " + secret),
                new Object[] {"nats://tok3n-value@host:4222", secret});
        String line = layout.doLayout(event);
        assertThat(line).startsWith("ERROR com.example.Library - connecting to nats://****@host:4222 with **** failed")
                .contains("IllegalStateException: refused for ****").doesNotContain(secret).doesNotContain("tok3n");
    }
}
