package io.antidote.tf.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.testing.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A copy of a test curriculum (from src/test/resources/curricula) in a temporary directory, to break on purpose. */
final class Fixture {
    final Path root;

    private Fixture(Path root) {
        this.root = root;
    }

    static Path resource(String name) {
        try {
            return Path.of(Fixture.class.getResource("/curricula/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of {@code curricula/<name>} at {@code dest}. */
    static Fixture copyOf(String name, Path dest) {
        return new Fixture(TestFiles.copyTree(resource(name), dest));
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    Fixture write(String relative, String text) {
        try {
            Files.createDirectories(path(relative).getParent());
            Files.writeString(path(relative), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Replaces {@code from} (which must occur) by {@code to} in a file. */
    Fixture edit(String relative, String from, String to) {
        try {
            String text = Files.readString(path(relative));
            assertThat(text).as("fixture %s", relative).contains(from);
            return write(relative, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Fixture delete(String relative) {
        try {
            Files.delete(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    LoadResult load() {
        return CurriculumLoader.load(root);
    }

    /** The problems of a load, formatted. */
    List<String> problems() {
        return load().problems().stream().map(Problem::format).toList();
    }

    /** Asserts the load finds exactly {@code expected} and that the other lessons still load. */
    LoadResult assertExactly(List<String> lessonsLeft, String... expected) {
        LoadResult result = load();
        assertThat(result.problems()).extracting(Problem::format).containsExactly(expected);
        assertThat(result.curriculum().lessons().keySet()).containsExactlyElementsOf(lessonsLeft);
        return result;
    }
}
