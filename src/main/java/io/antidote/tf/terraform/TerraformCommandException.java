package io.antidote.tf.terraform;

/** Thrown when terraform exited with an error (diagnostics in {@link #report()}). */
public class TerraformCommandException extends TerraformException {
    private static final long serialVersionUID = 1L;

    public TerraformCommandException(String message, RunReport report) {
        super(message, report);
    }
}
