package io.antidote.tf.dryrun;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import software.amazon.jsii.JsiiEngine;
import software.amazon.jsii.JsiiModule;

/**
 * The process-wide jsii runtime (its node child and every object reference the JVM holds for it): started with
 * bindings loaded ahead of the first synthesis ({@link #preload}), or restarted ({@link #restart}). Neither may run
 * while a synth runs (jsii is single-threaded).
 */
final class JsiiRuntimes {
    private JsiiRuntimes() {
    }

    /**
     * Starts the runtime, if it is not running, and loads the jsii module whose Java class is {@code moduleClass}
     * (with the modules it depends on) into it: the bulk of the first synthesis's cold start, done without a stack.
     */
    static void preload(String moduleClass) {
        try {
            JsiiEngine.getInstance().loadModule(Class.forName(moduleClass).asSubclass(JsiiModule.class));
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("no jsii module " + moduleClass + " on the class path", e);
        }
    }

    /**
     * Restarts it. jsii keeps the runtime in a singleton whose reset is not public; this is the one place that
     * reaches it. Call only when no jsii object of the old runtime is used again.
     */
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
