package io.antidote.tf.terraform;

/** Thrown when the configured binary's version is outside the supported range. */
public class TerraformVersionException extends TerraformException {
    private static final long serialVersionUID = 1L;
    private final String version;

    public TerraformVersionException(String message, String version) {
        super(message, (RunReport) null);
        this.version = version;
    }

    /** The version the binary reported, as printed. */
    public String version() {
        return version;
    }
}
