package io.antidote.tf.standin;

/**
 * What a stand-in image stands in for: a curriculum image (an endpoint), the configurator that runs a stage's
 * configuration, or the jupyter guide.
 */
public enum StandinKind {
    ENDPOINT, CONFIGURATOR, JUPYTER;

    /** The lower-case name used in JSON, labels and file names. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
