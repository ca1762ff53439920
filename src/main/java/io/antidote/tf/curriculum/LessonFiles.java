package io.antidote.tf.curriculum;

import io.antidote.tf.lesson.ConfigurationType;
import io.antidote.tf.lesson.LessonStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files a lesson's data points at: each stage's guide and each configured endpoint's file in every stage's
 * {@code configs/}. Every path built from lesson data is checked to stay inside the lesson directory, both as
 * written and after following links.
 */
final class LessonFiles {
    static final String NAPALM_DRIVERS = "junos|eos|iosxr|nxos|nxos_ssh|ios";

    private final Path lessonDir;
    private final FileProblems problems;

    /** {@code lessonDir}: absolute and normalized. */
    LessonFiles(Path lessonDir, FileProblems problems) {
        this.lessonDir = lessonDir;
        this.problems = problems;
    }

    /** Every stage has the guide its guide type asks for, as a regular file. */
    void checkGuides(List<LessonStage> stages) {
        for (LessonStage stage : stages) {
            String field = "stages[" + stage.index() + "].guideType";
            String guide = stage.directory() + "/" + stage.guideType().fileName();
            int before = problems.count();
            long max = switch (stage.guideType()) {
                case MARKDOWN -> CurriculumFiles.MAX_GUIDE_BYTES;
                case JUPYTER -> CurriculumFiles.MAX_NOTEBOOK_BYTES;
            };
            if (!regularFileInside(field, guide, max) && problems.count() == before) {
                problems.add(field, stage.guideType().id() + ": " + guide + " is missing");
            }
        }
    }

    /**
     * The file configuring endpoint {@code spec} (the same name in every stage's {@code configs/}); empty when it is
     * not configured, null when a stage lacks it (reported).
     */
    String configurationFile(EndpointSpec spec, int stageCount) {
        String field = spec.field() + ".configurationType";
        String found = "";
        for (int stage = 0; stage < stageCount; stage++) {
            String configs = "stage" + stage + "/configs/";
            String file = switch (spec.configurationType()) {
                case NONE -> "";
                case PYTHON -> spec.name() + ".py";
                case ANSIBLE -> spec.name() + ".yml";
                case NAPALM -> napalmFile(field, configs, spec.name());
            };
            if (file == null || file.isEmpty()) {
                if (file == null) {
                    return null;
                }
                continue;
            }
            int before = problems.count();
            if (!regularFileInside(field, configs + file, CurriculumFiles.MAX_CONFIGURATION_BYTES)) {
                if (problems.count() == before) {
                    problems.add(field, spec.configurationType().id() + ": " + configs + file + " is missing");
                }
                return null;
            }
            if (!found.isEmpty() && !found.equals(file)) {
                problems.add(field, "napalm: " + configs + file + " differs from " + found + " of an earlier stage");
                return null;
            }
            found = file;
        }
        return found;
    }

    private String napalmFile(String field, String configs, String endpoint) {
        Pattern name = Pattern.compile(Pattern.quote(endpoint) + "-(" + NAPALM_DRIVERS + ")\\.txt");
        List<String> matches = List.of();
        Path dir = inside(field, configs);
        if (dir != null && Files.isDirectory(dir) && !staysInside(dir)) {
            problems.add(field, "napalm: " + configs + " leads outside the lesson directory (through a link)");
            return null;
        }
        if (dir != null && Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                matches = files.map(p -> p.getFileName().toString()).filter(n -> name.matcher(n).matches()).sorted().toList();
            } catch (IOException e) {
                problems.add(field, "napalm: " + configs + " cannot be listed: " + e.getMessage());
                return null;
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        problems.add(field, matches.isEmpty()
                ? "napalm: " + configs + " has no " + endpoint + "-<driver>.txt (driver " + NAPALM_DRIVERS + ")"
                : "napalm: " + configs + " has more than one file for " + endpoint + ": " + String.join(", ", matches));
        return null;
    }

    /**
     * Whether {@code relative} is a regular file of at most {@code maxBytes} inside the lesson directory; a file
     * that leaves it (through a link), is too big or unreadable is reported, a missing one is left to the caller.
     */
    boolean regularFileInside(String field, String relative, long maxBytes) {
        Path path = inside(field, relative);
        if (path == null) {
            return false;
        }
        try {
            CurriculumFiles.check(CurriculumFiles.Scope.lesson(lessonDir), path, maxBytes);
            return true;
        } catch (CurriculumFiles.Refused e) {
            if (!e.absent()) {
                problems.add(field, relative + " " + e.reason());
            }
            return false;
        }
    }

    private boolean staysInside(Path dir) {
        try {
            return dir.toRealPath().startsWith(lessonDir.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code relative} resolved in the lesson directory, or null (reported) when it would leave it. */
    Path inside(String field, String relative) {
        Path path = lessonDir.resolve(relative).normalize();
        if (!path.startsWith(lessonDir) || path.equals(lessonDir)) {
            problems.add(field, Values.quote(relative) + " leads outside the lesson directory");
            return null;
        }
        return path;
    }
}
