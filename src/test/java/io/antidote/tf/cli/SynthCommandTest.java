package io.antidote.tf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.dryrun.CdktfOutput;
import io.antidote.tf.dryrun.DryRunIds;
import io.antidote.tf.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code antidote-tf synth} through the real entry point: the CDKTF layout, determinism, and every bad invocation. */
class SynthCommandTest {
    @TempDir
    Path temp;

    @Test
    void writesTheCdktfLayoutAndTheSameBytesTwice() throws Exception {
        Path config = Cli.config(temp);
        Cli.Result first = Cli.run("synth", "--config", config.toString(), "--lesson", "linux-first-steps",
                "--lesson", "web-dashboard", "--out", temp.resolve("a").toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("wrote 2 stack(s)");
        Cli.Result second = Cli.run("synth", "--config", config.toString(), "--lesson", "web-dashboard",
                "--lesson", "linux-first-steps", "--out", temp.resolve("b").toString());
        assertThat(second.exitCode()).isZero();
        Path a = temp.resolve("a");
        assertThat(Files.readString(a.resolve("manifest.json")))
                .isEqualTo(CdktfOutput.manifest(List.of("linux-first-steps", "web-dashboard")));
        String stack = Files.readString(a.resolve("stacks/linux-first-steps/cdk.tf.json"));
        assertThat(stack).contains("example-" + DryRunIds.liveLessonId("linux-first-steps")).contains("\"dryrun\"");
        for (String f : List.of("manifest.json", "stacks/linux-first-steps/cdk.tf.json", "stacks/web-dashboard/cdk.tf.json")) {
            assertThat(Files.readAllBytes(temp.resolve("b").resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
        assertThat(Cli.list(temp)).containsExactly("a", "antidote.yml", "b");
    }

    @Test
    void theCacheGivesTheSameBytesWithoutSynthesisAndMissesWhenALessonChanges() throws Exception {
        Path curriculum = TestFiles.copyTree(Cli.EXAMPLE_CURRICULUM, temp.resolve("curriculum"));
        Path config = Cli.config(temp, "curriculumDir: " + Cli.EXAMPLE_CURRICULUM, "curriculumDir: " + curriculum);
        String cache = temp.resolve("cache").toString();
        Cli.Result plain = Cli.run("synth", "--config", config.toString(), "--all", "--out", temp.resolve("a").toString());
        Cli.Result first = Cli.run("synth", "--config", config.toString(), "--all", "--cache", cache, "--out",
                temp.resolve("b").toString());
        Cli.Result second = Cli.run("synth", "--config", config.toString(), "--all", "--cache", cache, "--out",
                temp.resolve("c").toString());
        assertThat(first.out()).as(first.err()).contains("wrote 3 stack(s)").contains("(0 from the cache)");
        assertThat(second.out()).as(second.err()).contains("(3 from the cache)");
        for (String dir : List.of("b", "c")) {
            assertThat(tree(temp.resolve(dir))).as(dir).isEqualTo(tree(temp.resolve("a")));
        }
        Files.writeString(curriculum.resolve("lessons/web-dashboard/stage0/guide.md"), "# changed\n");
        Cli.Result third = Cli.run("synth", "--config", config.toString(), "--all", "--cache", cache, "--out",
                temp.resolve("d").toString());
        assertThat(third.out()).as(third.err()).contains("(2 from the cache)");
        assertThat(plain.exitCode() + first.exitCode() + second.exitCode() + third.exitCode()).isZero();
    }

    /** Every file under {@code root} with its bytes, by relative name. */
    static java.util.Map<String, String> tree(Path root) throws Exception {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        try (var s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return files;
    }

    @Test
    void givenIdsStageAndSessionAreUsedAndAnEarlierOutputIsReplacedWhole() throws Exception {
        Path config = Cli.config(temp);
        Path out = temp.resolve("out");
        assertThat(Cli.run("synth", "--config", config.toString(), "--all", "--out", out.toString()).exitCode()).isZero();
        assertThat(Cli.list(out.resolve("stacks"))).containsExactly("linux-first-steps", "routed-pair", "web-dashboard");
        Cli.Result r = Cli.run("synth", "--config", config.toString(), "--lesson", "routed-pair", "--stage", "1",
                "--livelesson-id", "abc123", "--session-id", "s-1", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Cli.list(out.resolve("stacks"))).containsExactly("routed-pair");
        assertThat(Files.readString(out.resolve("stacks/routed-pair/cdk.tf.json"))).contains("example-abc123")
                .contains("\"s-1\"");
        assertThat(Cli.list(temp)).containsExactly("antidote.yml", "out");
    }

    @Test
    void aTrustedImageTheConfigurationDoesNotGrantFailsTheDryRunAndNothingIsWritten() throws Exception {
        Path config = Cli.config(temp, "trustedImages: ['*']", "trustedImages: [webapp]");
        Path out = temp.resolve("out");
        Cli.Result r = Cli.run("synth", "--config", config.toString(), "--all", "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err().lines()).containsExactly("antidote-tf: lesson 'routed-pair': image 'vqfx' (endpoints "
                + "vqfx1, vqfx2) asks in its metadata for flavor trusted (a privileged container, root on the lesson "
                + "host), which backendConfigs.terraform.trustedImages does not grant; list it there to allow it, "
                + "or '*' to trust every image's metadata");
        assertThat(Cli.list(temp)).containsExactly("antidote.yml");
        Cli.Result granted = Cli.run("synth", "--config", Cli.config(Files.createDirectories(temp.resolve("g")),
                "trustedImages: ['*']", "trustedImages: [vqfx]").toString(), "--all", "--out", out.toString());
        assertThat(granted.exitCode()).as(granted.err()).isZero();
    }

    @Test
    void badInvocationsSayOneLineAndExitTwo() throws Exception {
        Path config = Cli.config(temp);
        Path out = temp.resolve("out");
        String c = config.toString();
        String o = out.toString();
        assertUsage(Cli.run("synth", "--config", c, "--all", "--out", o, "--frobnicate"), "Unknown option");
        assertUsage(Cli.run("synth", "--config", c, "--out", o), "--lesson");
        assertUsage(Cli.run("synth", "--config", c, "--all", "--lesson", "routed-pair", "--out", o), "mutually exclusive");
        assertUsage(Cli.run("synth", "--config", temp.resolve("nope.yml").toString(), "--all", "--out", o), "no such file");
        Files.writeString(temp.resolve("bad.yml"), "instanceId: [unclosed\n");
        assertUsage(Cli.run("synth", "--config", temp.resolve("bad.yml").toString(), "--all", "--out", o), "bad.yml");
        assertUsage(Cli.run("synth", "--config", Cli.config(Files.createDirectories(temp.resolve("other")),
                "instanceId: example", "instanceId: x\nfoo: 1").toString(),
                "--all", "--out", o), "foo");
        assertUsage(Cli.run("synth", "--config", c, "--lesson", "no-such-lesson", "--out", o), "no lesson 'no-such-lesson'");
        assertUsage(Cli.run("synth", "--config", c, "--curriculum", temp.resolve("missing").toString(), "--all",
                "--out", o), "does not exist");
        assertUsage(Cli.run("synth", "--config", c, "--lesson", "web-dashboard", "--stage", "3", "--out", o),
                "there is no stage 3");
        assertUsage(Cli.run("synth", "--config", c, "--all", "--livelesson-id", "abc", "--out", o), "one livelesson");
        assertUsage(Cli.run("synth", "--config", c, "--all", "--livelesson-id", "Not_Valid", "--out", o), "[a-z0-9]");
        assertUsage(Cli.run("synth", "--config", c, "--all", "--stage", "x", "--out", o), "--stage");
        assertThat(Cli.list(temp)).containsExactly("antidote.yml", "bad.yml", "other");
    }

    @Test
    void aTierTheInstanceDoesNotOfferIsAUsageError() throws Exception {
        Path config = Cli.config(temp, "tier: ptr", "tier: prod");
        assertUsage(Cli.run("synth", "--config", config.toString(), "--lesson", "web-dashboard", "--out",
                temp.resolve("o").toString()), "tier ptr");
    }

    @Test
    void anOutputThatCannotBeWrittenFailsWithOneLineAndLeavesNothing() throws Exception {
        Path config = Cli.config(temp);
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        Cli.Result underFile = Cli.run("synth", "--config", config.toString(), "--lesson", "linux-first-steps",
                "--out", file.resolve("out").toString());
        assertThat(underFile.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(underFile.oneErrorLine()).contains("cannot write the output directory");

        Path foreign = Files.createDirectories(temp.resolve("foreign"));
        Files.writeString(foreign.resolve("keep.txt"), "mine");
        Cli.Result notOurs = Cli.run("synth", "--config", config.toString(), "--lesson", "linux-first-steps",
                "--out", foreign.toString());
        assertThat(notOurs.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(notOurs.oneErrorLine()).contains("refusing to replace it");
        assertThat(Cli.list(foreign)).containsExactly("keep.txt");
        assertThat(Cli.list(temp)).containsExactly("a-file", "antidote.yml", "foreign");
    }

    static void assertUsage(Cli.Result r, String mentions) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.oneErrorLine()).contains(mentions);
        assertThat(r.out()).isEmpty();
    }
}
