package io.antidote.tf.dryrun;

import io.antidote.tf.stack.Jsii;
import io.antidote.tf.stack.StackRequest;
import io.antidote.tf.stack.StackSynthesizer;
import io.antidote.tf.stack.SynthesizedStack;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A synthesizer replaced, with the jsii runtime under it, every {@code every} synths. jsii never frees the objects
 * a synth creates (neither in the JVM nor in its node child), so a process synthesizing thousands of stacks grows
 * without end; recycling bounds it at the cost of one cold start per {@code every} synths (measured in
 * docs/performance.md). Synths are serialized here (jsii is single-threaded anyway); the restart itself runs on the
 * jsii thread ({@link Jsii}), so no synth of another synthesizer can interleave with it.
 */
public final class RecyclingSynthesizer implements StackSynthesizer {
    private static final Logger LOG = LoggerFactory.getLogger(RecyclingSynthesizer.class);
    private final Supplier<StackSynthesizer> factory;
    private final int every;
    private StackSynthesizer current;
    private int served;
    private int recycled;

    public RecyclingSynthesizer(Supplier<StackSynthesizer> factory, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1, not " + every);
        }
        this.factory = factory;
        this.every = every;
    }

    @Override
    public synchronized SynthesizedStack synth(StackRequest request) {
        if (current != null && served >= every) {
            current.close();
            current = null;
            Jsii.call("(none)", "restarting the jsii runtime", () -> {
                JsiiRuntimes.restart();
                return null;
            });
            recycled++;
            LOG.info("replaced the jsii runtime after {} synths", served);
        }
        if (current == null) {
            current = factory.get();
            served = 0;
        }
        served++;
        return current.synth(request);
    }

    /** How many times the runtime was replaced. */
    public synchronized int recycled() {
        return recycled;
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
