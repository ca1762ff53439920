package io.antidote.tf.terraform;

/** Thrown when terraform printed a document (`output -json`, `version -json`, `show -json`) this runner cannot read. */
public class TerraformOutputException extends TerraformException {
    private static final long serialVersionUID = 1L;

    public TerraformOutputException(String message, RunReport report) {
        super(message, report);
    }
}
