package io.antidote.tf.backend.terraform;

import io.antidote.tf.stack.StackException;

/** A stack's outputs break the output contract ({@link io.antidote.tf.stack.StackOutputs}); names the output. */
public class StackContractException extends StackException {
    private static final long serialVersionUID = 1L;
    private final String output;

    public StackContractException(String stackName, String output, String problem) {
        super(stackName, "output " + output + " " + problem);
        this.output = output;
    }

    /** The output that is missing or malformed. */
    public String output() {
        return output;
    }
}
