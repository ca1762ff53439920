package io.antidote.tf.dryrun;

import io.antidote.tf.stack.Jsii;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The process-wide jsii runtime (its node child and every object reference the JVM holds for it): started with
 * bindings loaded ahead of the first synthesis ({@link #preload}, on the jsii thread, {@link Jsii}), or restarted
 * ({@link #restart}, which its caller runs on the jsii thread). Neither may run while a synth runs (jsii is
 * single-threaded). jsii is reached by reflection: only the target packages import it (the CDKTF seam).
 */
final class JsiiRuntimes {
    private JsiiRuntimes() {
    }

    /**
     * Starts the runtime, if it is not running, and loads the jsii module whose Java class is {@code moduleClass}
     * (with the modules it depends on) into it: the bulk of the first synthesis's cold start, done without a stack.
     */
    static void preload(String moduleClass) {
        Class<?> module;
        Method load;
        Method instance;
        try {
            Class<?> engine = Class.forName("software.amazon.jsii.JsiiEngine");
            module = Class.forName(moduleClass);
            if (!Class.forName("software.amazon.jsii.JsiiModule").isAssignableFrom(module)) {
                throw new ClassCastException(moduleClass + " is not a jsii module");
            }
            instance = engine.getMethod("getInstance");
            load = engine.getMethod("loadModule", Class.class);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("no jsii module " + moduleClass + " on the class path", e);
        }
        Jsii.call("(none)", "loading " + moduleClass, () -> {
            try {
                return load.invoke(instance.invoke(null), module);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        });
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
