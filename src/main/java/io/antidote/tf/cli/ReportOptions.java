package io.antidote.tf.cli;

import io.antidote.tf.dryrun.JsonReport;
import io.antidote.tf.dryrun.MarkdownReport;
import io.antidote.tf.dryrun.OutputFiles;
import io.antidote.tf.dryrun.PlanReport;
import io.antidote.tf.dryrun.TextReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The report options {@code plan} and {@code drift} share, and writing a report the way they ask. */
final class ReportOptions {
    /** The formats of the report on stdout. */
    enum Format { text, json }

    @Option(names = "--detailed-exitcode", description = "Exit 2 when no stack failed and any has changes (drifted).")
    boolean detailedExitCode;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "The report on stdout: ${COMPLETION-CANDIDATES} (default: text).")
    Format output;

    @Option(names = "--report-md", paramLabel = "FILE", description = "Also write the report as Markdown (a PR comment).")
    Path reportMarkdown;

    @Option(names = "--report-json", paramLabel = "FILE", description = "Also write the report as JSON.")
    Path reportJson;

    /** Fails early, before a long run, when a report file could not be written. */
    void checkWritable() {
        for (Path report : new Path[] {reportMarkdown, reportJson}) {
            if (report != null) {
                OutputFiles.checkWritable(report, "the report");
            }
        }
    }

    /** Writes the report files asked for, prints the report on {@code out}, and returns the exit code. */
    int publish(PlanReport report, PrintWriter out) {
        if (reportMarkdown != null) {
            OutputFiles.write(reportMarkdown, MarkdownReport.render(report), "the report");
        }
        if (reportJson != null) {
            OutputFiles.write(reportJson, JsonReport.render(report), "the report");
        }
        out.print(switch (output) {
            case text -> TextReport.render(report);
            case json -> JsonReport.render(report);
        });
        out.flush();
        return report.exitCode(detailedExitCode);
    }
}
