package io.antidote.tf.terraform;

/** Thrown when the configured terraform binary cannot be found or executed. */
public class TerraformMissingException extends TerraformException {
    private static final long serialVersionUID = 1L;
    private final String binary;

    public TerraformMissingException(String binary, String where) {
        super("terraform binary '" + binary + "' not found " + where + ": install Terraform (>= "
                + TerraformVersion.MIN_TERRAFORM + ", < 2.0, https://developer.hashicorp.com/terraform/install) or "
                + "OpenTofu (>= " + TerraformVersion.MIN_TOFU + "), and set backendConfigs.terraform.runner.binary "
                + "to its name or path", (RunReport) null);
        this.binary = binary;
    }

    public String binary() {
        return binary;
    }
}
