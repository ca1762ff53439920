package io.antidote.tf.curriculum;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one curriculum YAML file into a mapping. A missing, unreadable, empty or malformed file, one that leads
 * outside the curriculum directory or is too big ({@link CurriculumFiles}), or one whose top level is not a mapping,
 * gives exactly one problem about the whole file and no mapping.
 */
final class YamlFiles {
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private YamlFiles() {
    }

    /** {@code file}, which must stay inside the curriculum directory {@code root}. */
    static Optional<ObjectNode> read(Path root, Path file, FileProblems problems) {
        JsonNode tree;
        try {
            tree = YAML.readTree(CurriculumFiles.read(CurriculumFiles.Scope.curriculum(root), file,
                    CurriculumFiles.MAX_META_BYTES));
        } catch (CurriculumFiles.Refused e) {
            problems.add("", e.reason());
            return Optional.empty();
        } catch (JsonProcessingException e) {
            problems.add("", malformed(e));
            return Optional.empty();
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            problems.add("", "the file is empty (expected a mapping of fields)");
            return Optional.empty();
        }
        if (!tree.isObject()) {
            problems.add("", "expected a mapping of fields at the top level, got " + Values.describe(tree));
            return Optional.empty();
        }
        return Optional.of((ObjectNode) tree);
    }

    private static String malformed(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException y && y.getProblemMark() != null) {
                return "malformed YAML at line " + (y.getProblemMark().getLine() + 1) + ", column "
                        + (y.getProblemMark().getColumn() + 1) + ": " + oneLine(y.getProblem());
            }
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return "malformed YAML" + where + ": " + oneLine(e.getOriginalMessage());
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        String first = text.strip().lines().findFirst().orElse("unreadable");
        return first.replace("\t", "\\t");
    }
}
