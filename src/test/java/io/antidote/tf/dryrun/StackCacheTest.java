package io.antidote.tf.dryrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antidote.tf.lesson.Lesson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack cache with the real local synthesizer and a copy of the example curriculum: a hit gives the same bytes
 * without synthesis, and a change to any input of a stack (lesson file, image, configuration, settings, code, build)
 * misses.
 */
class StackCacheTest {
    private static final String CODE = "code-1";
    @TempDir
    Path temp;
    private DryRunFixture fixture;
    private Path cacheDir;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new DryRunFixture(temp.resolve("f"));
        cacheDir = temp.resolve("cache");
    }

    @Test
    void aHitGivesTheSameBytesWithoutSynthesisAndOnlyForTheSameInputs() throws Exception {
        List<String> first = synthAll(DryRunSettings.defaults(), CODE, 3);
        assertThat(entries()).hasSize(3);
        assertThat(synthAll(DryRunSettings.defaults(), CODE, 0)).as("all from the cache").isEqualTo(first);
        StackCache cache = StackCache.open(cacheDir, fixture.configFile, "0.1.0", CODE);
        DryRunStacks stacks = fixture.stacks(DryRunFixture.local(), DryRunSettings.defaults(), cache);
        assertThat(stacks.needsSynthesis(fixture.lessons())).isFalse();
        DryRunFixture.Counting synth = DryRunFixture.local();
        DryRunStacks uncached = fixture.stacks(synth, DryRunSettings.defaults(), null);
        assertThat(fixture.lessons().stream().map(l -> uncached.synth(l).stack().json()).toList())
                .as("without the cache: synthesized, the same bytes").isEqualTo(first);
        assertThat(synth.count.get()).isEqualTo(3);
    }

    @Test
    void everyInputMisses() throws Exception {
        synthAll(DryRunSettings.defaults(), CODE, 3);
        assertThat(synthAll(new DryRunSettings(0, null, "other-session", null), CODE, 3)).as("session").hasSize(3);
        assertThat(synthAll(new DryRunSettings(0, null, null, "v9"), CODE, 3)).as("image version").hasSize(3);
        synthAll(new DryRunSettings(1, null, null, null), CODE, 2); // web-dashboard has one stage only
        assertThat(count(DryRunSettings.defaults(), "code-2")).as("code").isEqualTo(3);
        assertThat(count(DryRunSettings.defaults(), CODE, "0.2.0")).as("build version").isEqualTo(3);
        int before = entries().size();

        edit("curriculum/lessons/routed-pair/stage0/configs/vqfx1-junos.txt", s -> s + "\n# one more line\n");
        assertThat(count(DryRunSettings.defaults(), CODE)).as("a lesson file").isEqualTo(1);
        Files.writeString(fixture.curriculum.resolve("lessons/web-dashboard/stage0/notes.txt"), "new file\n");
        assertThat(count(DryRunSettings.defaults(), CODE)).as("a new file in a lesson").isEqualTo(1);
        edit("curriculum/images/webapp/image.meta.yaml", s -> s.replaceFirst("(?m)^(description: .*)$", "$1 (new)"));
        assertThat(count(DryRunSettings.defaults(), CODE)).as("an image, for the lesson that uses it").isEqualTo(1);
        edit("antidote.yml", s -> s + "imageOrg: someorg\n");
        assertThat(count(DryRunSettings.defaults(), CODE)).as("the configuration").isEqualTo(3);
        assertThat(count(DryRunSettings.defaults(), CODE)).as("nothing changed since").isZero();
        assertThat(entries().size()).isEqualTo(before + 1 + 1 + 1 + 3);
    }

    @Test
    void anEntryThatIsNotAStackIsSynthesizedAgainAndReplaced() throws Exception {
        List<String> first = synthAll(DryRunSettings.defaults(), CODE, 3);
        Path entry = entries().get(0);
        Files.writeString(entry, "{\"truncat");
        assertThat(synthAll(DryRunSettings.defaults(), CODE, 1)).isEqualTo(first);
        assertThat(synthAll(DryRunSettings.defaults(), CODE, 0)).isEqualTo(first);
    }

    @Test
    void aCacheDirectoryThatCannotBeMadeFailsInOneLine() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        assertThatThrownBy(() -> StackCache.open(file.resolve("cache"), fixture.configFile, "0.1.0", CODE))
                .isInstanceOf(DryRunException.class).hasMessageStartingWith("cannot use the cache directory")
                .satisfies(e -> assertThat(((DryRunException) e).usage()).isFalse());
    }

    private List<String> synthAll(DryRunSettings settings, String code, int expectedSyntheses) {
        DryRunFixture.Counting synth = DryRunFixture.local();
        StackCache cache = StackCache.open(cacheDir, fixture.configFile, "0.1.0", code);
        DryRunStacks stacks = fixture.stacks(synth, settings, cache);
        List<String> out = fixture.lessons().stream().filter(l -> settings.stage() < l.stages().size())
                .map(l -> stacks.synth(l).stack().json()).toList();
        assertThat(synth.count.get()).as("syntheses").isEqualTo(expectedSyntheses);
        assertThat(cache.hits() + cache.misses()).isEqualTo(out.size());
        return out;
    }

    private int count(DryRunSettings settings, String code) {
        return count(settings, code, "0.1.0");
    }

    private int count(DryRunSettings settings, String code, String build) {
        DryRunFixture.Counting synth = DryRunFixture.local();
        DryRunStacks stacks = fixture.stacks(synth, settings, StackCache.open(cacheDir, fixture.configFile, build, code));
        for (Lesson l : fixture.lessons()) {
            stacks.synth(l);
        }
        return synth.count.get();
    }

    private void edit(String file, UnaryOperator<String> change) throws Exception {
        Path p = fixture.dir.resolve(file);
        String before = Files.readString(p);
        String after = change.apply(before);
        assertThat(after).as(file + " changed").isNotEqualTo(before);
        Files.writeString(p, after);
    }

    private List<Path> entries() throws Exception {
        try (Stream<Path> s = Files.list(cacheDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tf.json")).sorted().toList();
        }
    }
}
