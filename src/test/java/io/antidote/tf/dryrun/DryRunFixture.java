package io.antidote.tf.dryrun;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.ConfigLoader;
import io.antidote.tf.curriculum.CurriculumLoader;
import io.antidote.tf.curriculum.LoadResult;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.stack.StackRequest;
import io.antidote.tf.stack.StackSynthesizer;
import io.antidote.tf.stack.SynthesizedStack;
import io.antidote.tf.stack.local.LocalStackSynthesizer;
import io.antidote.tf.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A copy of the example curriculum and a configuration of the local target (built-in resources only, no provider)
 * in a temporary directory, loaded; and synthesizers built on the local one that count their syntheses or change
 * the JSON of chosen lessons (to give a stack a real plan-time error, another provider set, or a shape that cannot
 * be a module).
 */
final class DryRunFixture {
    static final Path EXAMPLES = Path.of("examples").toAbsolutePath();
    final Path dir;
    final Path curriculum;
    final Path configFile;

    DryRunFixture(Path dir) throws IOException {
        this.dir = dir;
        this.curriculum = TestFiles.copyTree(EXAMPLES.resolve("curriculum"), dir.resolve("curriculum"));
        this.configFile = dir.resolve("antidote.yml");
        Files.writeString(configFile, """
                instanceId: fixture
                curriculumDir: curriculum
                tier: ptr
                hepsDomain: labs.example.org
                backendConfigs:
                  terraform:
                    target: local
                    trustedImages: [vqfx]
                    runner:
                      cliConfigFile: %s
                      pluginCacheDir: %s
                """.formatted(EXAMPLES.resolve("terraformrc.hcl"), dir.resolve("plugin-cache")));
    }

    AntidoteConfig config() {
        return ConfigLoader.load(configFile);
    }

    LoadResult load() {
        return CurriculumLoader.load(curriculum);
    }

    List<Lesson> lessons() {
        return List.copyOf(load().curriculum().lessons().values());
    }

    DryRunStacks stacks(StackSynthesizer synthesizer, DryRunSettings settings, StackCache cache) {
        return new DryRunStacks(config(), load().curriculum(), settings, synthesizer, java.util.Optional.ofNullable(cache));
    }

    /** The local synthesizer, counting its syntheses, with the JSON of lesson {@code slug} changed by {@code edit}. */
    static Counting local(String slug, UnaryOperator<String> edit) {
        return new Counting(new LocalStackSynthesizer(io.antidote.tf.config.LocalTargetConfig.defaults()), slug, edit);
    }

    static Counting local() {
        return local("", UnaryOperator.identity());
    }

    /** A synthesizer that counts and edits. */
    static final class Counting implements StackSynthesizer {
        final AtomicInteger count = new AtomicInteger();
        private final StackSynthesizer delegate;
        private final String slug;
        private final UnaryOperator<String> edit;

        Counting(StackSynthesizer delegate, String slug, UnaryOperator<String> edit) {
            this.delegate = delegate;
            this.slug = slug;
            this.edit = edit;
        }

        @Override
        public SynthesizedStack synth(StackRequest request) {
            count.incrementAndGet();
            SynthesizedStack s = delegate.synth(request);
            return request.lesson().slug().equals(slug) ? new SynthesizedStack(s.name(), edit.apply(s.json())) : s;
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
