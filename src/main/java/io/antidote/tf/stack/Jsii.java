package io.antidote.tf.stack;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one thread of this JVM that talks to jsii. jsii runs one Node.js child per JVM and is not thread-safe
 * (concurrent calls fail with "Malformed object reference" or NullPointerExceptions), so every CDKTF call of every
 * target (AWS, Kubernetes) runs here, one at a time, in submission order. The thread is a daemon named
 * {@value #THREAD_NAME}; it lives as long as the JVM, whatever synthesizers are opened and closed.
 *
 * <p>This class only confines work; it does not import CDKTF (the seam stays in the target packages).
 */
public final class Jsii {
    /** The name of the jsii thread. */
    public static final String THREAD_NAME = "cdktf-jsii";
    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, THREAD_NAME);
        t.setDaemon(true);
        return t;
    });

    private Jsii() {
    }

    /**
     * Runs {@code work} on the jsii thread and waits for it. A {@link StackException} thrown by {@code work} is
     * rethrown as is; any other failure becomes a {@link StackException} naming {@code stackName}.
     *
     * @param what what the work does, for the message ({@code CDKTF synthesis})
     */
    public static <T> T call(String stackName, String what, Callable<T> work) {
        if (Thread.currentThread().getName().equals(THREAD_NAME)) {
            throw new IllegalStateException("Jsii.call from the jsii thread itself would wait for ever");
        }
        Future<T> result = THREAD.submit(work);
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StackException s) {
                throw s;
            }
            throw new StackException(stackName, what + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            result.cancel(false);
            Thread.currentThread().interrupt();
            throw new StackException(stackName, "interrupted while waiting for " + what, e);
        }
    }

    /** Whether the calling thread is the jsii thread (for assertions in tests). */
    public static boolean onJsiiThread() {
        return Thread.currentThread().getName().equals(THREAD_NAME);
    }
}
