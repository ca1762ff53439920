package io.antidote.tf.terraform;

import io.antidote.tf.tracing.Redactor;

/**
 * One structured diagnostic terraform reported on a {@code diagnostic} line of its {@code -json} stream.
 *
 * @param severity {@code error} or {@code warning}
 * @param summary one line
 * @param detail the longer explanation (may be empty)
 * @param address the resource (or provider configuration) address it is about, or empty
 * @param file the configuration file its source range is in ({@code range.filename}, relative to the root module's
 *        directory), or empty
 */
public record Diagnostic(String severity, String summary, String detail, String address, String file) {
    public Diagnostic {
        severity = severity == null ? "" : severity;
        summary = summary == null ? "" : summary;
        detail = detail == null ? "" : detail;
        address = address == null ? "" : address;
        file = file == null ? "" : file;
    }

    /** A diagnostic without a source range. */
    public Diagnostic(String severity, String summary, String detail, String address) {
        this(severity, summary, detail, address, "");
    }

    /** This diagnostic with its summary and detail through {@code redactor} (they may quote a command's output). */
    public Diagnostic redactedWith(Redactor redactor) {
        return new Diagnostic(severity, redactor.redact(summary), redactor.redact(detail), address);
    }

    public boolean isError() {
        return severity.equals("error");
    }

    /** {@code severity: summary [address]}, the form used in exception messages. */
    public String oneLine() {
        return severity + ": " + summary + (address.isEmpty() ? "" : " [" + address + "]");
    }
}
