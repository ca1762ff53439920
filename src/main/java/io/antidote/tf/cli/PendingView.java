package io.antidote.tf.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.antidote.tf.state.PendingDestroy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How {@code list --stuck} and {@code list --pending} show stacks waiting to be destroyed: a table or JSON. */
final class PendingView {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PendingView() {
    }

    /** {@code stacks} is the directory of this instance's workspaces (each stack's is named by its livelesson). */
    static String render(List<PendingDestroy> pending, LiveLessonView.Format format, Path stacks) {
        return switch (format) {
            case text -> table(pending, stacks);
            case json -> json(pending, stacks);
        };
    }

    private static String table(List<PendingDestroy> pending, Path stacks) {
        StringBuilder s = new StringBuilder(String.format("%-12s %-6s %8s %-24s %-24s %s%n", "LIVELESSON", "REASON",
                "ATTEMPTS", "SINCE", "NEXT TRY", "LAST ERROR"));
        for (PendingDestroy p : pending) {
            s.append(String.format("%-12s %-6s %8d %-24s %-24s %s%n", p.liveLessonId(), p.reason(), p.attempts(),
                    p.since(), p.due(), p.lastError().isEmpty() ? "-" : p.lastError()));
            s.append("  workspace ").append(stacks.resolve(p.liveLessonId())).append('\n');
        }
        return s.toString();
    }

    private static String json(List<PendingDestroy> pending, Path stacks) {
        List<Map<String, Object>> rows = pending.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("liveLesson", p.liveLessonId());
            m.put("reason", p.reason());
            m.put("attempts", p.attempts());
            m.put("since", p.since().toString());
            m.put("nextTry", p.due().toString());
            m.put("lastError", p.lastError());
            m.put("workspace", stacks.resolve(p.liveLessonId()).toString());
            return m;
        }).toList();
        try {
            return JSON.writeValueAsString(rows) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialize: " + e.getMessage(), e);
        }
    }
}
