package io.antidote.tf.curriculum;

import io.antidote.tf.lesson.Author;
import io.antidote.tf.lesson.Category;
import io.antidote.tf.lesson.Connection;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.lesson.LessonEndpoint;
import io.antidote.tf.lesson.LessonStage;
import io.antidote.tf.lesson.Tier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and checks one {@code lessons/<slug>/lesson.meta.yaml} with its stage files. Unknown fields are problems
 * at every level (as the reference's schema does for stages), so a misspelt field never goes unnoticed; every
 * string follows the grammar of {@link Names} or {@link Prose}; the directory is named after the slug.
 */
final class LessonReader {
    static final String FILE = "lesson.meta.yaml";
    private static final Set<String> KNOWN = Set.of("name", "slug", "category", "diagram", "video", "tier",
            "collection", "description", "shortDescription", "prereqs", "tags", "stages", "endpoints",
            "connections", "authors", "readyDelay");
    private static final Set<String> AUTHOR = Set.of("name", "link");

    private final Path root;
    private final EndpointReader endpointReader;

    LessonReader(Path root, EndpointReader endpointReader) {
        this.root = root;
        this.endpointReader = endpointReader;
    }

    /** {@code lessonDir}: absolute and normalized, inside {@code root}. */
    LessonDraft read(Path lessonDir, FileProblems problems) {
        return YamlFiles.read(root, lessonDir.resolve(FILE), problems)
                .map(node -> read(lessonDir, new Fields(node, "", problems), problems))
                .orElse(new LessonDraft(problems, null, List.of(), null, null));
    }

    private LessonDraft read(Path lessonDir, Fields f, FileProblems problems) {
        f.allowOnly(KNOWN);
        String slug = f.requiredText("slug", Names.SLUG);
        String dirName = lessonDir.getFileName().toString();
        if (slug != null && !slug.equals(dirName)) {
            f.problem("slug", Values.quote(slug) + " must equal its directory name " + Values.quote(dirName)
                    + " (lessons/<slug>/: the directory reaches paths and commands on the lesson host)");
        }
        String name = f.requiredText("name", Prose.LINE);
        Category category = f.keyword("category", Category.class, null);
        Tier tier = f.keyword("tier", Tier.class, null);
        String description = f.requiredText("description", Prose.DESCRIPTION);
        String shortDescription = f.requiredText("shortDescription", Prose.LINE);
        String collection = f.text("collection", Names.SLUG);
        List<String> prereqs = f.strings("prereqs", Names.SLUG);
        List<String> tags = f.strings("tags", Prose.WORDS);
        Integer readyDelay = f.integer("readyDelay", 0, Lesson.MAX_READY_DELAY, " seconds");
        String diagram = f.text("diagram", Prose.URL);
        String video = f.text("video", Prose.URL);
        List<Author> authors = authors(f.objects("authors"));

        List<Fields> stageEntries = f.objects("stages");
        List<Fields> endpointEntries = f.objects("endpoints");
        requireSome(f, "stages", stageEntries, "stage");
        requireSome(f, "endpoints", endpointEntries, "endpoint");
        List<LessonStage> stages = StageReader.read(stageEntries);
        List<EndpointSpec> specs = endpointReader.read(endpointEntries);
        Set<String> endpointNames = specs.stream().map(EndpointSpec::declaredName).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<Connection> connections = ConnectionReader.read(f.objects("connections"), endpointNames);

        LessonFiles files = new LessonFiles(lessonDir, problems);
        files.checkGuides(stages);
        List<LessonEndpoint> endpoints = new ArrayList<>();
        for (EndpointSpec spec : specs) {
            String configurationFile = spec.name() == null || spec.configurationType() == null ? null
                    : files.configurationFile(spec, stageEntries.size());
            if (configurationFile != null && spec.image() != null) {
                endpoints.add(spec.toModel(configurationFile));
            }
        }
        Lesson lesson = problems.any() ? null : new Lesson(slug, name, category, tier, collection, description,
                shortDescription, prereqs, tags, stages, endpoints, connections, authors,
                readyDelay == null ? 0 : readyDelay, diagram, video, root.relativize(lessonDir));
        return new LessonDraft(problems, slug, prereqs, collection, lesson);
    }

    private static void requireSome(Fields f, String key, List<Fields> entries, String what) {
        if (entries.isEmpty() && f.emptyList(key)) {
            f.problem(key, "a lesson needs at least one " + what);
        }
    }

    private static List<Author> authors(List<Fields> entries) {
        List<Author> authors = new ArrayList<>();
        for (Fields a : entries) {
            a.allowOnly(AUTHOR);
            authors.add(new Author(a.text("name", Prose.LINE), a.text("link", Prose.URL)));
        }
        return authors;
    }
}
