package io.antidote.tf.terraform;

import java.nio.file.Path;
import java.util.List;

/**
 * What one terraform command did, as carried by exceptions: its arguments, directory, exit code, the diagnostics it
 * reported and the head and tail of its output. Built only from redacted text.
 *
 * @param command the arguments (the binary first)
 * @param directory the working directory
 * @param exitCode the exit code, or -1 when the process never ended on its own
 * @param diagnostics parsed from {@code diagnostic} lines
 * @param outputHead the first lines of output, redacted
 * @param outputTail the last lines of output, redacted
 */
public record RunReport(List<String> command, Path directory, int exitCode, List<Diagnostic> diagnostics,
        String outputHead, String outputTail) {
    public RunReport {
        command = List.copyOf(command);
        diagnostics = List.copyOf(diagnostics);
        outputHead = outputHead == null ? "" : outputHead;
        outputTail = outputTail == null ? "" : outputTail;
    }

    /** The errors among the diagnostics. */
    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append('`').append(String.join(" ", command)).append("` in ").append(directory);
        sb.append(exitCode >= 0 ? " exited " + exitCode : " was stopped");
        for (Diagnostic d : errors()) {
            sb.append("\n  ").append(d.oneLine());
            if (!d.detail().isEmpty()) {
                sb.append(": ").append(d.detail().replace('\n', ' '));
            }
        }
        if (!outputHead.isEmpty()) {
            sb.append("\n--- output head ---\n").append(outputHead);
        }
        if (!outputTail.isEmpty()) {
            sb.append("\n--- output tail ---\n").append(outputTail);
        }
        return sb.toString();
    }
}
