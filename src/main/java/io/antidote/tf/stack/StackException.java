package io.antidote.tf.stack;

import io.antidote.tf.AntidoteException;

/** A livelesson that cannot become a stack, or a synthesizer that failed; names the stack and the reason. */
public class StackException extends AntidoteException {
    private static final long serialVersionUID = 1L;
    private final String stackName;

    public StackException(String stackName, String message) {
        super("stack " + stackName + ": " + message);
        this.stackName = stackName;
    }

    public StackException(String stackName, String message, Throwable cause) {
        super("stack " + stackName + ": " + message, cause);
        this.stackName = stackName;
    }

    public String stackName() {
        return stackName;
    }
}
