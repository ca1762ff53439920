package io.antidote.tf.dryrun;

import io.antidote.tf.curriculum.LoadResult;
import io.antidote.tf.curriculum.Problem;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.lesson.Tier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which lessons a dry run covers: the valid lessons to synthesize, and the lesson directories that failed
 * validation (reported, never synthesized). {@code --all} takes every lesson the instance's tier offers plus every
 * broken lesson directory; named lessons keep the order given.
 */
public record LessonSelection(List<Lesson> lessons, List<InvalidLesson> invalid) {
    public LessonSelection {
        lessons = List.copyOf(lessons);
        invalid = List.copyOf(invalid);
    }

    /**
     * Selects from {@code loaded} (the whole curriculum, all tiers).
     *
     * @param slugs the lessons asked for, or empty for all
     * @throws DryRunException (usage) for a name that is neither a lesson nor a lesson directory, or a lesson the
     *         tier does not offer
     */
    public static LessonSelection of(LoadResult loaded, Tier tier, List<String> slugs) {
        Map<String, List<Problem>> broken = brokenDirectories(loaded);
        Map<String, Lesson> all = loaded.curriculum().lessons();
        List<Lesson> lessons = new ArrayList<>();
        List<InvalidLesson> invalid = new ArrayList<>();
        if (slugs.isEmpty()) {
            all.values().stream().filter(l -> l.tier().offeredBy(tier)).forEach(lessons::add);
            broken.forEach((dir, problems) -> invalid.add(new InvalidLesson(dir, problems)));
            return new LessonSelection(lessons, invalid);
        }
        for (String slug : new LinkedHashSet<>(slugs)) {
            Lesson lesson = all.get(slug);
            if (lesson != null) {
                if (!lesson.tier().offeredBy(tier)) {
                    throw DryRunException.usage("lesson '" + slug + "' is tier " + name(lesson.tier())
                            + ", which an instance of tier " + name(tier) + " does not offer (set tier in the configuration)");
                }
                lessons.add(lesson);
            } else if (broken.containsKey(slug)) {
                invalid.add(new InvalidLesson(slug, broken.get(slug)));
            } else {
                throw DryRunException.usage("no lesson '" + slug + "' in the curriculum "
                        + loaded.curriculum().root() + " (lessons: " + String.join(", ", all.keySet()) + ")");
            }
        }
        return new LessonSelection(lessons, invalid);
    }

    /** The problems under {@code lessons/<dir>/} of every lesson directory that did not load, by directory name. */
    private static Map<String, List<Problem>> brokenDirectories(LoadResult loaded) {
        List<String> loadedDirs = loaded.curriculum().lessons().values().stream()
                .map(l -> l.directory().getFileName().toString()).toList();
        Map<String, List<Problem>> broken = new LinkedHashMap<>();
        for (Problem p : loaded.problems()) {
            Path file = p.file();
            if (file.getNameCount() >= 2 && file.getName(0).toString().equals("lessons")) {
                String dir = file.getName(1).toString();
                if (!loadedDirs.contains(dir)) {
                    broken.computeIfAbsent(dir, d -> new ArrayList<>()).add(p);
                }
            }
        }
        return broken;
    }

    private static String name(Tier tier) {
        return Objects.toString(tier).toLowerCase(java.util.Locale.ROOT);
    }

    /** How many entries the selection has, valid or not. */
    public int size() {
        return lessons.size() + invalid.size();
    }
}
