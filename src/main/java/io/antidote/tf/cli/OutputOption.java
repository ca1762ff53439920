package io.antidote.tf.cli;

import picocli.CommandLine.Option;

/** {@code --output text|json}: what a lifecycle command prints on stdout. */
final class OutputOption {
    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "What stdout shows: ${COMPLETION-CANDIDATES} (default: text).")
    LiveLessonView.Format format;
}
