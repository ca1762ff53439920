package io.antidote.tf.curriculum;

import io.antidote.tf.lesson.CurriculumInfo;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads {@code curriculum.meta.yaml}: name, description, website, aVer and gitRoot, all required (the website and
 * gitRoot http(s) URLs).
 */
final class CurriculumInfoReader {
    static final String FILE = "curriculum.meta.yaml";
    private static final Set<String> KNOWN = Set.of("name", "description", "website", "aVer", "gitRoot");

    private CurriculumInfoReader() {
    }

    /** The curriculum's description; fields that are missing or wrong are empty (and reported). */
    static CurriculumInfo read(Path root, FileProblems problems) {
        return YamlFiles.read(root, root.resolve(FILE), problems).map(node -> {
            Fields f = new Fields(node, "", problems);
            f.allowOnly(KNOWN);
            return new CurriculumInfo(orEmpty(f.requiredText("name", Prose.LINE)),
                    orEmpty(f.requiredText("description", Prose.DESCRIPTION)),
                    orEmpty(f.requiredText("website", Prose.URL)), orEmpty(f.requiredText("aVer", Prose.WORDS)),
                    orEmpty(f.requiredText("gitRoot", Prose.URL)));
        }).orElse(new CurriculumInfo("", "", "", "", ""));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
