package io.antidote.tf.dryrun;

import java.util.Locale;

/**
 * A plan report as Markdown fit for a pull-request comment: a headline, one table row per stack (lesson, stack,
 * result, add/change/destroy), and each failure's diagnostics in a collapsed details block.
 */
public final class MarkdownReport {
    /** The first line of every report, so a workflow can find and update its earlier comment. */
    public static final String TITLE = PlanReport.Kind.PLAN.markdownTitle();

    private MarkdownReport() {
    }

    public static String render(PlanReport report) {
        StringBuilder md = new StringBuilder(report.kind().markdownTitle()).append("\n\n");
        md.append(report.failed() > 0 ? "❌ " : "✅ ").append(report.headline());
        if (!report.terraformVersion().isEmpty()) {
            md.append(" (terraform ").append(report.terraformVersion()).append(')');
        }
        md.append(String.format(Locale.ROOT, " in %.1f s%n%n", report.elapsed().toMillis() / 1000.0));
        md.append("| Lesson | Stack | Result | Add | Change | Destroy |\n|---|---|---|---:|---:|---:|\n");
        for (StackOutcome o : report.outcomes()) {
            md.append("| ").append(cell(o.lesson())).append(" | ")
                    .append(o.stack().isEmpty() ? "" : "`" + cell(o.stack()) + "`").append(" | ")
                    .append(!o.ok() ? "❌ " : report.kind() == PlanReport.Kind.DRIFT && o.hasChanges() ? "⚠️ " : "✅ ")
                    .append(report.kind().result(o)).append(" | ");
            if (o.ok()) {
                md.append(o.summary().add()).append(" | ").append(o.summary().change()).append(" | ")
                        .append(o.summary().remove()).append(" |\n");
            } else {
                md.append(" |  |  |\n");
            }
        }
        for (StackOutcome o : report.outcomes()) {
            if (!o.ok() || !o.diagnostics().isEmpty()) {
                md.append("\n<details><summary>").append(html(o.lesson())).append(": ")
                        .append(html(report.kind().result(o)))
                        .append("</summary>\n\n").append(html(o.error())).append("\n\n```\n");
                o.diagnostics().forEach(d -> md.append(d.replace("```", "'''")).append('\n'));
                md.append("```\n</details>\n");
            }
        }
        return md.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
