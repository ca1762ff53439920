package io.antidote.tf;

/**
 * The root of every exception this project throws on purpose. Subclasses carry the data of what went wrong
 * (the lesson, stack, command, directory, output) so that callers and spans can report it; messages never
 * contain credentials.
 */
public class AntidoteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AntidoteException(String message) {
        super(message);
    }

    public AntidoteException(String message, Throwable cause) {
        super(message, cause);
    }
}
