package io.antidote.tf.dryrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antidote.tf.terraform.PlanSummary;
import io.antidote.tf.terraform.TerraformEvent.PlannedChange;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Per-lesson counts of a batch plan, from the stream and from {@code show -json}, counted as terraform does. */
class PlanChangesTest {
    private static final Set<String> KEYS = Set.of("a", "b");

    @Test
    void theStreamIsCountedPerModule() {
        Map<String, PlanSummary> counts = PlanChanges.fromEvents(List.of(change("module.a.x.one", "create"),
                change("module.a.x.two", "replace"), change("module.b.x.one", "update"),
                change("module.b.x.two", "delete"), change("module.b.x.three", "import"),
                change("module.b.data.x.d", "read"), change("module.a.x.n", "noop"),
                new PlannedChange("module.a.x.drifted", "update", "", true, "")), KEYS).orElseThrow();
        assertThat(counts).containsEntry("a", new PlanSummary(2, 0, 0, 1, "plan"))
                .containsEntry("b", new PlanSummary(0, 1, 1, 1, "plan"));
        assertThat(PlanChanges.consistent(counts, new PlanSummary(2, 1, 1, 2, "plan"))).isTrue();
        assertThat(PlanChanges.consistent(counts, new PlanSummary(3, 1, 1, 2, "plan"))).isFalse();
        assertThat(PlanChanges.fromEvents(List.of(), KEYS).orElseThrow())
                .containsEntry("a", PlanSummary.none("plan")).containsEntry("b", PlanSummary.none("plan"));
    }

    @Test
    void aChangeOutsideTheLessonsOrOfAnUnknownActionGivesUpTheStream() {
        assertThat(PlanChanges.fromEvents(List.of(change("x.one", "create")), KEYS)).isEmpty();
        assertThat(PlanChanges.fromEvents(List.of(change("module.c.x.one", "create")), KEYS)).isEmpty();
        assertThat(PlanChanges.fromEvents(List.of(change("module.a.x.one", "teleport")), KEYS)).isEmpty();
    }

    @Test
    void theSavedPlansResourceChangesAreCountedTheSameWay() {
        String show = """
                {"format_version": "1.2", "resource_changes": [
                  {"address": "module.a.x.one", "module_address": "module.a", "mode": "managed",
                   "change": {"actions": ["create"]}},
                  {"address": "module.a.x.two", "module_address": "module.a", "mode": "managed",
                   "change": {"actions": ["delete", "create"]}},
                  {"address": "module.b.x.one", "module_address": "module.b", "mode": "managed",
                   "change": {"actions": ["update"], "importing": {"id": "i-1"}}},
                  {"address": "module.b.x.two", "module_address": "module.b", "mode": "managed",
                   "change": {"actions": ["create", "delete"]}},
                  {"address": "module.b.x.three", "module_address": "module.b", "mode": "managed",
                   "change": {"actions": ["no-op"]}},
                  {"address": "module.b.data.x.d", "module_address": "module.b", "mode": "data",
                   "change": {"actions": ["read"]}}]}
                """;
        assertThat(PlanChanges.fromShow(show, KEYS)).containsEntry("a", new PlanSummary(2, 0, 0, 1, "plan"))
                .containsEntry("b", new PlanSummary(1, 1, 1, 1, "plan"));
        assertThat(PlanChanges.fromShow("{\"format_version\": \"1.2\"}", KEYS)).containsEntry("a",
                PlanSummary.none("plan"));
        assertThatThrownBy(() -> PlanChanges.fromShow("{\"format_version\": \"1.2\", \"resource_changes\": [{"
                + "\"address\": \"x.y\", \"mode\": \"managed\", \"change\": {\"actions\": [\"create\"]}}]}", KEYS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.y");
        assertThatThrownBy(() -> PlanChanges.fromShow("not json", KEYS)).isInstanceOf(IllegalArgumentException.class);
    }

    private static PlannedChange change(String address, String action) {
        return new PlannedChange(address, action, "", false, "");
    }
}
