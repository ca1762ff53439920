package io.antidote.tf.terraform;

/** Thrown when terraform printed nothing for longer than the stall timeout and was cancelled. */
public class TerraformStalledException extends TerraformException {
    private static final long serialVersionUID = 1L;

    public TerraformStalledException(String message, RunReport report) {
        super(message, report);
    }
}
