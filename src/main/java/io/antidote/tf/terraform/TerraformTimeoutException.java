package io.antidote.tf.terraform;

/** Thrown when terraform ran past its phase's timeout and was cancelled (SIGINT, then the process group killed). */
public class TerraformTimeoutException extends TerraformException {
    private static final long serialVersionUID = 1L;

    public TerraformTimeoutException(String message, RunReport report) {
        super(message, report);
    }
}
