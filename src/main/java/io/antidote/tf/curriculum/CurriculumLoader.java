package io.antidote.tf.curriculum;

import io.antidote.tf.lesson.Collection;
import io.antidote.tf.lesson.Curriculum;
import io.antidote.tf.lesson.CurriculumInfo;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.lesson.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a curriculum directory ({@code curriculum.meta.yaml}, {@code images/*}, {@code collections/*},
 * {@code lessons/*}) into a {@link Curriculum}, finding every problem at once. A broken image, collection or lesson
 * is left out and never stops the others from loading; lessons using a broken image or collection are broken too.
 * The rules are listed in docs/curriculum.md.
 */
public final class CurriculumLoader {
    private CurriculumLoader() {
    }

    /** Everything in the curriculum at {@code dir}, whatever its tier. */
    public static LoadResult load(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new NoCurriculumException(dir);
        }
        List<FileProblems> files = new ArrayList<>();
        FileProblems infoProblems = new FileProblems(Path.of(CurriculumInfoReader.FILE));
        files.add(infoProblems);
        CurriculumInfo info = CurriculumInfoReader.read(root, infoProblems);
        Map<String, Image> images = loadImages(root, files);
        Map<String, Collection> collections = loadCollections(root, files);
        List<LessonDraft> drafts = new ArrayList<>();
        LessonReader reader = new LessonReader(root, new EndpointReader(root, images));
        for (Path lessonDir : Directories.children(root.resolve("lessons"))) {
            Path relative = root.relativize(lessonDir);
            FileProblems dirProblems = new FileProblems(relative);
            files.add(dirProblems);
            if (!Directories.staysInside(root, lessonDir, dirProblems)) {
                continue;
            }
            if (!Files.exists(lessonDir.resolve(LessonReader.FILE))) {
                dirProblems.add("", "has no " + LessonReader.FILE + " (every directory under lessons/ is a lesson)");
                continue;
            }
            FileProblems problems = new FileProblems(relative.resolve(LessonReader.FILE));
            files.add(problems);
            drafts.add(reader.read(lessonDir, problems));
        }
        CrossChecks.apply(drafts, collections.keySet());
        Map<String, Lesson> lessons = new LinkedHashMap<>();
        for (LessonDraft draft : drafts) {
            Lesson lesson = draft.lessonIfClean();
            if (lesson != null) {
                lessons.put(lesson.slug(), lesson);
            }
        }
        List<Problem> problems = files.stream().flatMap(f -> f.all().stream()).toList();
        return new LoadResult(new Curriculum(root, info, lessons, images, collections), problems);
    }

    /** What an instance of tier {@code instanceTier} offers, with every problem of the whole curriculum. */
    public static LoadResult load(Path dir, Tier instanceTier) {
        LoadResult all = load(dir);
        return new LoadResult(TierFilter.offeredBy(all.curriculum(), instanceTier), all.problems());
    }

    private static Map<String, Image> loadImages(Path root, List<FileProblems> files) {
        Map<String, Image> images = new LinkedHashMap<>();
        for (Path dir : Directories.children(root.resolve("images"))) {
            if (Files.exists(dir.resolve(ImageReader.FILE))) {
                FileProblems problems = new FileProblems(root.relativize(dir).resolve(ImageReader.FILE));
                files.add(problems);
                if (Directories.staysInside(root, dir, problems)) {
                    ImageReader.read(root, dir, problems).ifPresent(image -> images.put(image.slug(), image));
                }
            }
        }
        return images;
    }

    private static Map<String, Collection> loadCollections(Path root, List<FileProblems> files) {
        Map<String, Collection> collections = new LinkedHashMap<>();
        for (Path dir : Directories.children(root.resolve("collections"))) {
            if (Files.exists(dir.resolve(CollectionReader.FILE))) {
                FileProblems problems = new FileProblems(root.relativize(dir).resolve(CollectionReader.FILE));
                files.add(problems);
                if (Directories.staysInside(root, dir, problems)) {
                    CollectionReader.read(root, dir, problems).ifPresent(c -> {
                        if (collections.putIfAbsent(c.slug(), c) != null) {
                            problems.add("slug", Values.quote(c.slug()) + " is the slug of an earlier collection too");
                        }
                    });
                }
            }
        }
        return collections;
    }
}
