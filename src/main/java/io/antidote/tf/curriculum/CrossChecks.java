package io.antidote.tf.curriculum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks that need every lesson read: lesson slugs are unique (every lesson sharing a slug is left out), each
 * prerequisite names a lesson the curriculum declares (loaded or not, so one broken lesson does not break the
 * lessons that require it), and a lesson's collection is one that loaded.
 */
final class CrossChecks {
    private CrossChecks() {
    }

    static void apply(List<LessonDraft> drafts, Set<String> collections) {
        Map<String, List<LessonDraft>> bySlug = new LinkedHashMap<>();
        for (LessonDraft draft : drafts) {
            if (draft.slug() != null) {
                bySlug.computeIfAbsent(draft.slug(), s -> new ArrayList<>()).add(draft);
            }
        }
        bySlug.values().stream().filter(same -> same.size() > 1).forEach(CrossChecks::duplicates);
        for (LessonDraft draft : drafts) {
            List<String> prereqs = draft.prereqs();
            for (int i = 0; i < prereqs.size(); i++) {
                if (!bySlug.containsKey(prereqs.get(i))) {
                    draft.problems().add("prereqs[" + i + "]",
                            Values.quote(prereqs.get(i)) + " names no lesson of the curriculum");
                }
            }
            String collection = draft.collection();
            if (collection != null && !collection.isEmpty() && !collections.contains(collection)) {
                draft.problems().add("collection", Values.quote(collection)
                        + " names no collection of the curriculum (none with that slug loaded)");
            }
        }
    }

    private static void duplicates(List<LessonDraft> same) {
        for (LessonDraft draft : same) {
            List<String> others = same.stream().filter(d -> d != draft)
                    .map(d -> d.problems().file().toString().replace('\\', '/')).toList();
            draft.problems().add("slug", Values.quote(draft.slug()) + " is also the slug of " + String.join(", ", others));
        }
    }
}
