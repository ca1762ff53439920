package io.antidote.tf.backend.terraform;

import io.antidote.tf.terraform.Diagnostic;
import io.antidote.tf.terraform.RunReport;
import io.antidote.tf.terraform.TerraformException;
import io.antidote.tf.tracing.Redactor;
import io.antidote.tf.tracing.Spans;
import io.opentracing.Span;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts what a failed terraform command left behind into a span: the command, directory and exit code, each
 * diagnostic (severity, summary, detail, address) as an event, and the redacted head and tail of its output.
 */
final class Evidence {
    private Evidence() {
    }

    /** Records the evidence {@code error} carries (a {@link TerraformException}'s run report), if any. */
    static void record(Span span, Throwable error, Redactor redactor) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TerraformException te && te.report().isPresent()) {
                report(span, te.report().get(), redactor);
                return;
            }
        }
    }

    /**
     * What failed, for a livelesson's error detail: the error's first line; for a terraform command, each error
     * diagnostic (summary, detail, address) and the last lines of its output. Redacted.
     */
    static String summary(Throwable error, Redactor redactor) {
        String message = String.valueOf(error.getMessage());
        int nl = message.indexOf('\n');
        StringBuilder s = new StringBuilder(nl < 0 ? message : message.substring(0, nl));
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TerraformException te && te.report().isPresent()) {
                RunReport report = te.report().get();
                for (Diagnostic d : report.errors()) {
                    s.append("\n").append(d.oneLine());
                    if (!d.detail().isEmpty()) {
                        s.append(": ").append(d.detail().strip());
                    }
                }
                if (!report.outputTail().isEmpty()) {
                    s.append("\n--- terraform output (end) ---\n").append(report.outputTail().strip());
                }
                break;
            }
        }
        return redactor.redact(s.toString());
    }

    private static void report(Span span, RunReport report, Redactor redactor) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("command", String.join(" ", report.command()));
        fields.put("directory", report.directory().toString());
        fields.put("exit_code", report.exitCode());
        fields.put("diagnostics", report.diagnostics().size());
        fields.put("output_head", report.outputHead());
        fields.put("output_tail", report.outputTail());
        Spans.event(span, "terraform.failure", fields, redactor);
        for (Diagnostic d : report.diagnostics()) {
            Spans.event(span, "terraform.failure.diagnostic", Map.of("severity", d.severity(), "summary", d.summary(),
                    "detail", d.detail(), "address", d.address()), redactor);
        }
    }
}
