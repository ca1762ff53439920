package io.antidote.tf.dryrun;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Restarts the process-wide jsii runtime (its node child and every object reference the JVM holds for it). jsii
 * keeps it in a singleton whose reset is not public; this is the one place that reaches it. Call only when no
 * jsii object of the old runtime is used again and no synth runs.
 */
final class JsiiRuntimes {
    private JsiiRuntimes() {
    }

    static void restart() {
        try {
            Method reset = Class.forName("software.amazon.jsii.JsiiEngine").getDeclaredMethod("reset");
            reset.setAccessible(true);
            reset.invoke(null);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("could not restart the jsii runtime: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("could not restart the jsii runtime: " + e, e);
        }
    }
}
