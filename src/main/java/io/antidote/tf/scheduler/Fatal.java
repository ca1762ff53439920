package io.antidote.tf.scheduler;

/**
 * Which throwables the scheduler must not swallow. Everything a request or a garbage collection throws is logged,
 * traced and survived, except errors of the virtual machine itself (out of memory, stack overflow, internal
 * error), after which nothing the scheduler does can be trusted.
 */
final class Fatal {
    private Fatal() {
    }

    static boolean isFatal(Throwable t) {
        return t instanceof VirtualMachineError;
    }

    /** Rethrows {@code t} if it is fatal; returns otherwise. */
    static void rethrowIfFatal(Throwable t) {
        if (t instanceof VirtualMachineError e) {
            throw e;
        }
    }
}
