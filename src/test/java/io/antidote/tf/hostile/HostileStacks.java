package io.antidote.tf.hostile;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.ConfigLoader;
import io.antidote.tf.dryrun.DryRunSettings;
import io.antidote.tf.dryrun.DryRunStacks;
import io.antidote.tf.lesson.Curriculum;
import io.antidote.tf.stack.StackSynthesizer;
import io.antidote.tf.stack.SynthesizedStack;
import io.antidote.tf.stack.aws.AwsStackSynthesizer;
import io.antidote.tf.stack.local.LocalStackSynthesizer;
import java.nio.file.Path;
import java.util.Map;

/**
 * The stacks of a hostile curriculum's lesson, made as a dry run makes them ({@link DryRunStacks}: the livelesson
 * as the API makes it, the {@code trustedImages} check, the synthesizer): the AWS target with the offline example
 * configuration (examples/antidote.yml) and the local target. One jsii runtime serves every synth; close it.
 */
public final class HostileStacks implements AutoCloseable {
    /** The example configuration: offline AWS, {@code trustedImages: ['*']}. */
    public static final Path EXAMPLE_CONFIG = Path.of("examples/antidote.yml");
    private final AntidoteConfig config = ConfigLoader.load(EXAMPLE_CONFIG);
    private final AwsStackSynthesizer aws = new AwsStackSynthesizer(config, Map.of("imageVersion", "v1.0.0"));
    private final LocalStackSynthesizer local = new LocalStackSynthesizer(config.backendConfigs().terraform().local());

    /** The AWS stack of {@link HostileCurriculum#LESSON} in {@code curriculum}, which must have loaded it. */
    public SynthesizedStack aws(Curriculum curriculum) {
        return synth(curriculum, aws);
    }

    /** The local target's stack of {@link HostileCurriculum#LESSON}. */
    public SynthesizedStack local(Curriculum curriculum) {
        return synth(curriculum, local);
    }

    private SynthesizedStack synth(Curriculum curriculum, StackSynthesizer synthesizer) {
        DryRunStacks stacks = new DryRunStacks(config.withCurriculumDir(curriculum.root()), curriculum,
                DryRunSettings.defaults(), synthesizer);
        return stacks.synth(curriculum.lesson(HostileCurriculum.LESSON).orElseThrow()).stack();
    }

    @Override
    public void close() {
        aws.close();
        local.close();
    }
}
