package io.antidote.tf.dryrun;

import java.util.Locale;

/**
 * A plan (or drift) report for a terminal: one aligned line per stack, failures' diagnostics (and a drifted stack's
 * differences) indented below, a headline.
 */
public final class TextReport {
    private TextReport() {
    }

    public static String render(PlanReport report) {
        int lessonWidth = Math.max(6, report.outcomes().stream().mapToInt(o -> o.lesson().length()).max().orElse(0));
        int stackWidth = Math.max(5, report.outcomes().stream().mapToInt(o -> o.stack().length()).max().orElse(0));
        String row = "%-" + lessonWidth + "s  %-" + stackWidth + "s  %-18s  %s%n";
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, row, "LESSON", "STACK", "RESULT",
                "ADD/CHANGE/DESTROY"));
        for (StackOutcome o : report.outcomes()) {
            String counts = o.ok() ? o.summary().add() + "/" + o.summary().change() + "/" + o.summary().remove() : "-";
            sb.append(String.format(Locale.ROOT, row, o.lesson(), o.stack(), report.kind().result(o), counts));
            if (!o.ok()) {
                sb.append("    ").append(o.error()).append('\n');
            }
            o.diagnostics().forEach(d -> sb.append("    ").append(d.replace("\n", "\n    ")).append('\n'));
        }
        return sb.append(report.headline()).append('\n').toString();
    }
}
