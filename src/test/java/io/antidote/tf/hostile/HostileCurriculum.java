package io.antidote.tf.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.antidote.tf.curriculum.CurriculumLoader;
import io.antidote.tf.curriculum.LoadResult;
import io.antidote.tf.lesson.Collection;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.testing.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Hostile curricula, one string field at a time: a small curriculum that uses every field
 * ({@code src/test/resources/curricula/hostile-base}: one lesson, one image, one collection), every string field of
 * its lessons, images and collections (enumerated from the model's records, so a field added to the model is a
 * field tested here, and checked to be present in the base curriculum), and a corpus of payloads a curriculum author
 * could write to reach a shell, a heredoc, a Terraform template or a path. A {@link Case} is one payload in one
 * field, written as a whole curriculum directory.
 *
 * <p>Public for every property over these cases: {@code HostileCurriculumProperties} (validation and the
 * synthesized stacks' Terraform strings) and the execution of the generated host scripts in a sandbox.
 */
public final class HostileCurriculum {
    /** The slug (and directory) of the base curriculum's one lesson. */
    public static final String LESSON = "hostile-lab";
    /** The slug of its one image. */
    public static final String IMAGE = "router";
    /** The slug (and directory) of its one collection. */
    public static final String COLLECTION = "lab-makers";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final int VERY_LONG = 20_000;

    /**
     * Record components with no YAML field of their own: derived by the loader (the configuration file from the
     * endpoint's name, a stage's index from its position) or the lesson's directory, which is its own field.
     */
    private static final Set<String> DERIVED = Set.of("LessonEndpoint.configurationFile", "LessonStage.index",
            "Lesson.directory");

    private HostileCurriculum() {
    }

    /** The base curriculum, as it is in the test resources (never written to). */
    public static Path base() {
        try {
            return Path.of(HostileCurriculum.class.getResource("/curricula/hostile-base").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A string an author writes, with a name for reports. */
    public record Payload(String name, String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The corpus: shell metacharacters, quotes, newlines and heredoc terminators, templates, paths, NUL, length. */
    public static List<Payload> payloads() {
        return List.of(
                new Payload("semicolon", "eth1;touch /tmp/hostile-semicolon;#"),
                new Payload("and-and", "x && touch /tmp/hostile-andand"),
                new Payload("pipe", "x | touch /tmp/hostile-pipe"),
                new Payload("command-substitution", "$(id > /tmp/hostile-subst)"),
                new Payload("backticks", "`touch /tmp/hostile-backtick`"),
                new Payload("single-quote", "it's'; touch /tmp/hostile-squote; echo '"),
                new Payload("double-quote", "say \"hi\"; touch /tmp/hostile-dquote; \""),
                new Payload("newline", "antidote\ntouch /tmp/hostile-newline"),
                new Payload("heredoc-CONFIGURE", "antidote\nCONFIGURE\ntouch /tmp/hostile-configure\n"),
                new Payload("heredoc-EOF", "antidote\nEOF\ntouch /tmp/hostile-eof\n"),
                new Payload("terraform-interpolation", "${file(\"/etc/hostname\")}"),
                new Payload("terraform-directive", "%{ if true }x%{ endif }"),
                new Payload("path-traversal", "../../../etc/passwd"),
                new Payload("option", "--privileged"),
                new Payload("nul", "abc\u0000def"),
                new Payload("escape-sequence", "\u001b[2J\u001b[31mred"),
                new Payload("carriage-return", "visible\rhidden"),
                new Payload("bidi-override", "abc\u202edcba"),
                new Payload("very-long", "A".repeat(VERY_LONG)),
                new Payload("non-ascii", "Ünïcödé ✓ 日本語"),
                new Payload("empty", ""));
    }

    /** Which file a field is in; {@link #LESSON_DIRECTORY} is the name of the lesson's directory itself. */
    public enum Kind {
        LESSON("lessons/" + HostileCurriculum.LESSON + "/lesson.meta.yaml"),
        IMAGE("images/" + HostileCurriculum.IMAGE + "/image.meta.yaml"),
        COLLECTION("collections/" + HostileCurriculum.COLLECTION + "/collection.meta.yaml"),
        LESSON_DIRECTORY("lessons/" + HostileCurriculum.LESSON);

        private final String file;

        Kind(String file) {
            this.file = file;
        }

        /** The file, relative to the curriculum directory (for the directory: the directory). */
        public String file() {
            return file;
        }
    }

    /** One string field: its file and its path in it ({@code endpoints[0].presentations[0].name}). */
    public record Field(Kind kind, String path) {
        @Override
        public String toString() {
            return kind == Kind.LESSON_DIRECTORY ? "lessons/<dir>" : kind.file() + ": " + path;
        }
    }

    /**
     * Every string field of lessons, images and collections, from the model's records: String and enum components,
     * each element {@code [0]} of a list of strings, and the fields of records in lists; plus the lesson's directory.
     *
     * @throws IllegalStateException when the base curriculum lacks one (it must use every field)
     */
    public static List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        collect(Lesson.class, "", Kind.LESSON, fields);
        collect(Image.class, "", Kind.IMAGE, fields);
        collect(Collection.class, "", Kind.COLLECTION, fields);
        fields.add(new Field(Kind.LESSON_DIRECTORY, ""));
        for (Field f : fields) {
            if (f.kind() != Kind.LESSON_DIRECTORY && read(base().resolve(f.kind().file())).at(pointer(f.path()))
                    .isMissingNode()) {
                throw new IllegalStateException("the base curriculum does not use " + f + ": add it to "
                        + base().resolve(f.kind().file()));
            }
        }
        return List.copyOf(fields);
    }

    private static void collect(Class<?> record, String prefix, Kind kind, List<Field> fields) {
        for (RecordComponent c : record.getRecordComponents()) {
            String path = prefix + c.getName();
            if (DERIVED.contains(record.getSimpleName() + "." + c.getName())) {
                continue;
            }
            Class<?> type = c.getType();
            if (type == String.class || type.isEnum()) {
                fields.add(new Field(kind, path));
            } else if (type == List.class) {
                Class<?> element = (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
                if (element == String.class) {
                    fields.add(new Field(kind, path + "[0]"));
                } else if (element.isRecord()) {
                    collect(element, path + "[0].", kind, fields);
                }
            } else if (type != int.class && type != boolean.class && type != Integer.class) {
                throw new IllegalStateException("a component HostileCurriculum does not know how to reach: "
                        + record.getSimpleName() + "." + c.getName() + " (" + type.getSimpleName() + ")");
            }
        }
    }

    /** One payload in one field. */
    public record Case(Field field, Payload payload) {

        /** Whether the case can be written at all (a directory's name holds no slash or NUL and is not empty). */
        public boolean applicable() {
            if (field.kind() != Kind.LESSON_DIRECTORY) {
                return true;
            }
            String name = payload.text();
            return !name.isEmpty() && name.indexOf('/') < 0 && name.indexOf('\0') < 0 && !name.equals(".")
                    && !name.equals("..") && name.getBytes(StandardCharsets.UTF_8).length <= 255;
        }

        /** The file a rejection must name, relative to the curriculum directory. */
        public String expectedFile() {
            return field.kind() == Kind.LESSON_DIRECTORY ? "lessons/" + payload.text() + "/lesson.meta.yaml"
                    : field.kind().file();
        }

        /** The field a rejection must name: the path, or {@code slug} for the lesson's directory (it must match). */
        public String expectedField() {
            return field.kind() == Kind.LESSON_DIRECTORY ? "slug" : field.path();
        }

        /** Writes the base curriculum with this case's payload into {@code dir} (which must not exist); returns it. */
        public Path write(Path dir) {
            TestFiles.copyTree(base(), dir);
            if (field.kind() == Kind.LESSON_DIRECTORY) {
                move(dir.resolve(Kind.LESSON_DIRECTORY.file()), dir.resolve("lessons").resolve(payload.text()));
                return dir;
            }
            Path file = dir.resolve(field.kind().file());
            JsonNode tree = read(file);
            set(tree, field.path(), payload.text());
            writeYaml(file, tree);
            JsonNode written = read(file).at(pointer(field.path()));
            if (!written.isTextual() || !written.asText().equals(payload.text())) {
                throw new IllegalStateException(this + ": the YAML written does not read back as the payload");
            }
            return dir;
        }

        /** {@link #write} then the loader's verdict. */
        public LoadResult load(Path dir) {
            return CurriculumLoader.load(write(dir));
        }

        @Override
        public String toString() {
            return payload + " in " + field;
        }
    }

    /** Every applicable case: each payload in each field. */
    public static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Field f : fields()) {
            for (Payload p : payloads()) {
                Case c = new Case(f, p);
                if (c.applicable()) {
                    cases.add(c);
                }
            }
        }
        return List.copyOf(cases);
    }

    /** {@link #cases()} for jqwik; use it with {@code GenerationMode.EXHAUSTIVE} to try every one. */
    public static Arbitrary<Case> arbitrary() {
        return Arbitraries.of(cases());
    }

    private static String pointer(String path) {
        return "/" + path.replace("[", ".").replace("]", "").replace('.', '/');
    }

    private static void set(JsonNode tree, String path, String value) {
        String[] steps = pointer(path).substring(1).split("/");
        JsonNode parent = tree;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(steps[i])) : parent.get(steps[i]);
        }
        String last = steps[steps.length - 1];
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), array.textNode(value));
        } else {
            ((ObjectNode) parent).put(last, value);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeYaml(Path file, JsonNode tree) {
        try {
            Files.writeString(file, YAML.writeValueAsString(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
