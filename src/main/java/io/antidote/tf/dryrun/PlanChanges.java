package io.antidote.tf.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.terraform.PlanSummary;
import io.antidote.tf.terraform.TerraformEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Per-lesson counts of a batch root's plan, by the module each resource change is in, counted as terraform counts
 * its {@code change_summary}: a create adds one, an update changes one, a replacement adds one and destroys one, a
 * delete destroys one, an import imports one; no-ops, reads (data sources), moves and forgets count nothing.
 *
 * <p>Two sources, the same numbers: the {@code planned_change} lines of the plan's own {@code -json} stream
 * ({@link #fromEvents}; free), and the saved plan's JSON representation ({@code terraform show -json}:
 * {@code resource_changes}, {@link #fromShow}; one more terraform run, which loads the provider schemas again).
 * {@link #consistent} checks the first against the plan's totals; the second is the fallback.
 */
final class PlanChanges {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanChanges() {
    }

    /**
     * Counts {@code changes} (the plan's {@code planned_change} events) per lesson of {@code keys}; empty when a
     * change is not inside one of those modules or has an action this does not know.
     */
    static Optional<Map<String, PlanSummary>> fromEvents(List<TerraformEvent.PlannedChange> changes, Set<String> keys) {
        Map<String, int[]> counts = zero(keys);
        for (TerraformEvent.PlannedChange c : changes) {
            if (c.drift()) {
                continue;
            }
            Optional<String> key = BatchRoot.keyOfAddress(c.address()).filter(keys::contains);
            if (key.isEmpty()) {
                return Optional.empty();
            }
            int[] n = counts.get(key.get());
            switch (c.action()) {
                case "create" -> n[0]++;
                case "update" -> n[1]++;
                case "replace" -> {
                    n[0]++;
                    n[3]++;
                }
                case "delete" -> n[3]++;
                case "import" -> n[2]++;
                case "noop", "read", "move", "remove" -> {
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(summaries(counts));
    }

    /**
     * Counts the {@code resource_changes} of {@code terraform show -json <plan>} per lesson of {@code keys}.
     *
     * @throws IllegalArgumentException when the document is not a plan, or a change is outside those modules
     */
    static Map<String, PlanSummary> fromShow(String showJson, Set<String> keys) {
        JsonNode plan;
        try {
            plan = JSON.readTree(showJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("`terraform show -json` printed something that is not JSON");
        }
        if (plan == null || !plan.has("format_version")) {
            throw new IllegalArgumentException("`terraform show -json` printed no plan");
        }
        Map<String, int[]> counts = zero(keys);
        for (JsonNode rc : plan.path("resource_changes")) {
            if (rc.path("mode").asText().equals("data")) {
                continue;
            }
            String module = rc.path("module_address").asText("");
            String key = BatchRoot.keyOfAddress(module).filter(keys::contains).orElseThrow(() ->
                    new IllegalArgumentException("a resource change outside the lessons' modules: "
                            + rc.path("address").asText()));
            int[] n = counts.get(key);
            JsonNode change = rc.path("change");
            String actions = actionsOf(change.path("actions"));
            switch (actions) {
                case "create" -> n[0]++;
                case "update" -> n[1]++;
                case "delete,create", "create,delete" -> {
                    n[0]++;
                    n[3]++;
                }
                case "delete" -> n[3]++;
                default -> {
                    // no-op, read, forget
                }
            }
            if (change.hasNonNull("importing")) {
                n[2]++;
            }
        }
        return summaries(counts);
    }

    /** Whether the per-lesson counts add up to the plan's totals. */
    static boolean consistent(Map<String, PlanSummary> perLesson, PlanSummary total) {
        int add = 0;
        int change = 0;
        int imports = 0;
        int remove = 0;
        for (PlanSummary s : perLesson.values()) {
            add += s.add();
            change += s.change();
            imports += s.imports();
            remove += s.remove();
        }
        return add == total.add() && change == total.change() && imports == total.imports()
                && remove == total.remove();
    }

    private static String actionsOf(JsonNode actions) {
        StringBuilder sb = new StringBuilder();
        actions.forEach(a -> sb.append(sb.length() == 0 ? "" : ",").append(a.asText()));
        return sb.toString();
    }

    private static Map<String, int[]> zero(Set<String> keys) {
        Map<String, int[]> counts = new TreeMap<>();
        keys.forEach(k -> counts.put(k, new int[4]));
        return counts;
    }

    private static Map<String, PlanSummary> summaries(Map<String, int[]> counts) {
        Map<String, PlanSummary> out = new TreeMap<>();
        counts.forEach((k, n) -> out.put(k, new PlanSummary(n[0], n[1], n[2], n[3], "plan")));
        return out;
    }
}
