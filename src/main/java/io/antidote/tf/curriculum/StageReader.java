package io.antidote.tf.curriculum;

import io.antidote.tf.lesson.GuideType;
import io.antidote.tf.lesson.LessonStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a lesson's {@code stages}: stage N is the N-th entry (from 0); each has a guide type. */
final class StageReader {
    private static final Set<String> KNOWN = Set.of("description", "guideType", "stageVideo");

    private StageReader() {
    }

    static List<LessonStage> read(List<Fields> entries) {
        List<LessonStage> stages = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Fields f = entries.get(i);
            f.allowOnly(KNOWN);
            String description = f.text("description", Prose.DESCRIPTION);
            GuideType guideType = f.keyword("guideType", GuideType.class, null);
            String video = f.text("stageVideo", Prose.URL);
            if (guideType != null) {
                stages.add(new LessonStage(stageIndex(f), description, guideType, video));
            }
        }
        return stages;
    }

    /** The N of {@code stages[N]}: the stage's index as written in the file. */
    static int stageIndex(Fields f) {
        String prefix = f.prefix();
        return Integer.parseInt(prefix.substring(prefix.lastIndexOf('[') + 1, prefix.length() - 1));
    }
}
