package io.antidote.tf.stack;

/**
 * The seam between Antidote and a stack technology: a livelesson in, one Terraform JSON stack out.
 *
 * <p>Contract for implementations: the JSON is a complete Terraform configuration (providers, resources, outputs)
 * with no {@code backend} block (the runner decides where state lives) and no data sources, except to read what the
 * stack copies from its own target (the Kubernetes target's secrets, whose values must not be in the stack); it
 * satisfies {@link StackOutputs}; it is byte-identical for identical requests; it never contains a password or
 * credential. {@link #synth} may be called from any thread. Failures are {@link StackException}s naming the livelesson.
 */
public interface StackSynthesizer extends AutoCloseable {

    /** The Terraform JSON of {@code request}'s livelesson. */
    SynthesizedStack synth(StackRequest request);

    /**
     * A configuration with no resources, only what destroying a stack of this target needs (its providers, set up
     * as in a full stack), for a stack whose state is remote but whose livelesson and configuration are gone.
     * Default: empty (built-in resources need no provider).
     */
    default String skeleton() {
        return "{}";
    }

    /** How this target gathers the evidence of a failed livelesson (see {@link FailureEvidence}). */
    default FailureEvidence evidence() {
        return FailureEvidence.NONE;
    }

    /** Releases what the synthesizer holds (threads, child processes); no exception. */
    @Override
    void close();
}
