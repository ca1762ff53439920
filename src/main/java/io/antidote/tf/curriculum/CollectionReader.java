package io.antidote.tf.curriculum;

import io.antidote.tf.lesson.Collection;
import io.antidote.tf.lesson.Tier;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code collections/<dir>/collection.meta.yaml}: a slug, a title, a logo image URL, a website, both
 * descriptions, a type (vendor|community|consultancy) and a tier are required; a contact email is optional. The
 * directory's name is free (as in the reference): it reaches no path or command.
 */
final class CollectionReader {
    static final String FILE = "collection.meta.yaml";
    static final Set<String> TYPES = Set.of("vendor", "community", "consultancy");
    private static final Set<String> KNOWN = Set.of("slug", "title", "image", "website", "contactEmail",
            "briefDescription", "longDescription", "type", "tier");

    private CollectionReader() {
    }

    static Optional<Collection> read(Path root, Path collectionDir, FileProblems problems) {
        return YamlFiles.read(root, collectionDir.resolve(FILE), problems).flatMap(node -> {
            Fields f = new Fields(node, "", problems);
            f.allowOnly(KNOWN);
            String slug = f.requiredText("slug", Names.SLUG);
            String type = f.requiredText("type");
            if (type != null && !TYPES.contains(type)) {
                f.problem("type", "expected one of vendor|community|consultancy, got " + Values.quote(type));
            }
            Collection collection = new Collection(slug == null ? "" : slug, f.requiredText("title", Prose.LINE),
                    f.requiredText("image", Prose.URL), f.requiredText("website", Prose.URL),
                    f.text("contactEmail", Prose.EMAIL), f.requiredText("briefDescription", Prose.DESCRIPTION),
                    f.requiredText("longDescription", Prose.DESCRIPTION), type, f.keyword("tier", Tier.class, null));
            return problems.any() ? Optional.empty() : Optional.of(collection);
        });
    }
}
