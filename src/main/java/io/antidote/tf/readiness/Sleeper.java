package io.antidote.tf.readiness;

import java.time.Duration;

/** Pauses the waiting thread; a seam so tests can advance a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
