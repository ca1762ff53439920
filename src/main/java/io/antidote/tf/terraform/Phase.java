package io.antidote.tf.terraform;

import io.antidote.tf.config.RunnerConfig;
import java.time.Duration;

/** The terraform commands this runner runs, each with its timeout from configuration. */
public enum Phase {
    VERSION, INIT, PLAN, APPLY, DESTROY, OUTPUT, SHOW;

    Duration timeout(RunnerConfig config) {
        return Duration.ofSeconds(switch (this) {
            case VERSION -> Math.min(60, config.planTimeoutSeconds());
            case INIT -> config.initTimeoutSeconds();
            case PLAN, OUTPUT, SHOW -> config.planTimeoutSeconds();
            case APPLY -> config.applyTimeoutSeconds();
            case DESTROY -> config.destroyTimeoutSeconds();
        });
    }

    /** The span's operation name. */
    String operation() {
        return "terraform." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
