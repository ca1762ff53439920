package io.antidote.tf.terraform;

import io.antidote.tf.AntidoteException;
import java.util.Optional;

/**
 * The root of everything the terraform runner throws. When a command ran, {@link #report()} carries its arguments,
 * directory, exit code, diagnostics and output head/tail (credentials redacted); the message includes them.
 */
public class TerraformException extends AntidoteException {
    private static final long serialVersionUID = 1L;
    private final transient RunReport report;

    public TerraformException(String message, RunReport report) {
        super(report == null ? message : message + ": " + report.describe());
        this.report = report;
    }

    public TerraformException(String message, Throwable cause) {
        super(message, cause);
        this.report = null;
    }

    /** The command this failure is about, when one ran. */
    public Optional<RunReport> report() {
        return Optional.ofNullable(report);
    }
}
