package io.antidote.tf.dryrun;

import io.antidote.tf.config.RunnerConfig;
import java.nio.file.Path;

/**
 * The runner settings of a plan-only dry run, from the configured ones: stack workspaces under a temporary
 * {@code workDir} (removed afterwards), {@code parallel} terraform processes, and a shared plugin cache (the
 * configured one, else {@link #defaultPluginCache()}) so the provider is not copied into every stack.
 */
public final class PlanSettings {
    private PlanSettings() {
    }

    public static RunnerConfig runner(RunnerConfig configured, Path workDir, int parallel) {
        String cache = configured.pluginCacheDir().isEmpty() ? defaultPluginCache().toString()
                : configured.pluginCacheDir();
        return new RunnerConfig(configured.binary(), workDir.toString(), parallel, configured.cliConfigFile(), cache,
                configured.passEnv(), configured.initTimeoutSeconds(), configured.planTimeoutSeconds(),
                configured.applyTimeoutSeconds(), configured.destroyTimeoutSeconds(), configured.cancelGraceSeconds(),
                configured.stallTimeoutSeconds(), configured.staleAfterHours());
    }

    /** {@code $XDG_CACHE_HOME/antidote-tf/plugin-cache}, or {@code ~/.cache/antidote-tf/plugin-cache}. */
    public static Path defaultPluginCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("antidote-tf").resolve("plugin-cache");
    }
}
