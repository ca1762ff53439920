package io.antidote.tf.dryrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputDigestTest {
    record Inner(String name, List<Integer> ports) {
    }

    record Outer(Inner inner, Map<String, String> tags, Set<String> set, Optional<Path> path, DryRunSettings settings) {
    }

    @TempDir
    Path temp;

    @Test
    void recordsAreDigestedByEveryComponentWhateverTheMapOrSetOrder() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("x", "1");
        a.put("y", "2");
        Outer one = new Outer(new Inner("n", List.of(1, 2)), a, Set.of("p", "q"), Optional.of(Path.of("/a")),
                DryRunSettings.defaults());
        Outer same = new Outer(new Inner("n", List.of(1, 2)), new TreeMap<>(Map.of("y", "2", "x", "1")),
                Set.of("q", "p"), Optional.of(Path.of("/a")), DryRunSettings.defaults());
        assertThat(digest(one)).isEqualTo(digest(same));
        assertThat(digest(new Outer(new Inner("n", List.of(2, 1)), a, Set.of("p", "q"), Optional.of(Path.of("/a")),
                DryRunSettings.defaults()))).as("list order counts").isNotEqualTo(digest(one));
        assertThat(digest(new Outer(new Inner("n", List.of(1, 2)), a, Set.of("p", "q"), Optional.empty(),
                DryRunSettings.defaults()))).isNotEqualTo(digest(one));
        assertThat(digest(new Outer(new Inner("n", List.of(1, 2)), a, Set.of("p", "q"), Optional.of(Path.of("/a")),
                new DryRunSettings(1, null, null, null)))).isNotEqualTo(digest(one));
    }

    @Test
    void framingKeepsDifferentInputsApart() {
        assertThat(digest(List.of("ab", "c"))).isNotEqualTo(digest(List.of("a", "bc")));
        assertThat(new InputDigest().text("a", "bc").hex()).isNotEqualTo(new InputDigest().text("ab", "c").hex());
        assertThat(digest(List.of(1))).isNotEqualTo(digest(List.of("1")));
    }

    @Test
    void aValueOfAnUnknownTypeIsRefused() {
        assertThatThrownBy(() -> digest(List.of(new Object()))).isInstanceOf(InputDigest.Undigestible.class)
                .hasMessageContaining("java.lang.Object");
    }

    @Test
    void aTreeIsItsNamesAndContents() throws Exception {
        Path d = Files.createDirectories(temp.resolve("d/sub"));
        Files.writeString(d.resolve("f"), "1");
        String before = new InputDigest().tree("t", temp.resolve("d")).hex();
        Files.setLastModifiedTime(d.resolve("f"), FileTime.fromMillis(0));
        assertThat(new InputDigest().tree("t", temp.resolve("d")).hex()).as("times do not count").isEqualTo(before);
        Files.move(d.resolve("f"), d.resolveSibling("f"));
        assertThat(new InputDigest().tree("t", temp.resolve("d")).hex()).as("names count").isNotEqualTo(before);
    }

    @Test
    void aJarsFingerprintIsItsEntriesNotTheirTimes() throws Exception {
        Path a = jar("a.jar", 1_000, "x");
        Path b = jar("b.jar", 9_000_000, "x");
        Path c = jar("c.jar", 1_000, "y");
        assertThat(CodeFingerprint.ofJar(a)).isEqualTo(CodeFingerprint.ofJar(b)).isNotEqualTo(CodeFingerprint.ofJar(c));
        assertThat(CodeFingerprint.get()).matches("[0-9a-f]{64}").isEqualTo(CodeFingerprint.get());
    }

    private Path jar(String name, long time, String content) throws Exception {
        Path file = temp.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
            JarEntry e = new JarEntry("io/x/A.class");
            e.setTime(time);
            out.putNextEntry(e);
            out.write(content.getBytes());
            out.closeEntry();
        }
        return file;
    }

    private static String digest(Object v) {
        return new InputDigest().value("v", v).hex();
    }
}
