package io.antidote.tf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.ConfigLoader;
import io.antidote.tf.config.RunnerConfig;
import io.antidote.tf.curriculum.CurriculumLoader;
import io.antidote.tf.curriculum.TierFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** examples/antidote.yml is complete for offline plan-only runs of every example lesson. */
class ExampleConfigTest {
    @Test
    void itIsOfflineCompleteAndOffersEveryExampleLesson() {
        AntidoteConfig config = ConfigLoader.load(Cli.EXAMPLE_CONFIG);
        var aws = config.backendConfigs().terraform().aws();
        assertThat(aws.offline()).isTrue();
        assertThat(aws.missingKeys()).isEmpty();
        assertThat(config.curriculumDir()).isEqualTo(Cli.EXAMPLE_CURRICULUM);
        var loaded = CurriculumLoader.load(config.curriculumDir());
        assertThat(loaded.problems()).isEmpty();
        assertThat(TierFilter.offeredBy(loaded.curriculum(), config.tier()).lessons())
                .containsOnlyKeys("linux-first-steps", "routed-pair", "web-dashboard");
    }

    @Test
    void theCliConfigFileResolvesNextToTheConfigurationAndPointsAtTheMirror() throws Exception {
        RunnerConfig runner = ConfigLoader.load(Cli.EXAMPLE_CONFIG).backendConfigs().terraform().runner();
        Path cli = Path.of(runner.cliConfigFile());
        assertThat(cli).isAbsolute().isEqualTo(Cli.EXAMPLE_CONFIG.resolveSibling("terraformrc.hcl"));
        assertThat(Files.readString(cli)).contains("filesystem_mirror").contains("/opt/tf-plugins");
    }

    @Test
    void relativeRunnerPathsResolveAgainstTheConfigurationFilesDirectory() {
        AntidoteConfig config = ConfigLoader.parse("instanceId: x\ncurriculumDir: c\nbackendConfigs:\n  terraform:\n"
                + "    runner:\n      cliConfigFile: tf/cli.hcl\n      pluginCacheDir: ../cache\n      workDir: /abs/work\n",
                Path.of("/etc/antidote/antidote.yml"));
        RunnerConfig runner = config.backendConfigs().terraform().runner();
        assertThat(runner.cliConfigFile()).isEqualTo("/etc/antidote/tf/cli.hcl");
        assertThat(runner.pluginCacheDir()).isEqualTo("/etc/cache");
        assertThat(runner.workDir()).isEqualTo("/abs/work");
    }
}
