package io.antidote.tf.dryrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.curriculum.LoadResult;
import io.antidote.tf.terraform.Phase;
import io.antidote.tf.terraform.SavedPlan;
import io.antidote.tf.terraform.StackId;
import io.antidote.tf.terraform.StateBackend;
import io.antidote.tf.terraform.Terraform;
import io.antidote.tf.terraform.TerraformEvent;
import io.antidote.tf.terraform.TerraformListener;
import io.antidote.tf.terraform.Workspace;
import io.antidote.tf.testing.Requirements;
import io.opentracing.noop.NoopTracerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch mode with the real terraform over the local target's stacks (built-in resources, no provider to load):
 * the same counts as the per-stack mode, stacks grouped by provider requirements, a real plan-time error attributed
 * to its lesson while the others still plan, a provider init cannot install ending the run with one error in both
 * modes, and nothing left behind.
 */
class BatchPlanIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A real error terraform finds while planning: parseint of a word. */
    static final UnaryOperator<String> PLAN_ERROR = json -> json.replace("\"uullid\" :",
            "\"broken\" : \"${parseint(\\\"x\\\", 10)}\",\n        \"uullid\" :");
    /** Another provider set: the built-in provider, required explicitly (installed from nowhere). */
    static final UnaryOperator<String> BUILTIN_REQUIRED = json -> json.replaceFirst("\\{",
            "{\"terraform\": {\"required_providers\": {\"terraform\": {\"source\": \"terraform.io/builtin/terraform\"}}},");
    /** A stack that cannot be a module: its provider configuration has an alias. */
    static final UnaryOperator<String> ALIASED = json -> json.replaceFirst("\\{",
            "{\"provider\": {\"terraform\": [{\"alias\": \"other\"}]},");
    /** A provider the mirror does not have: its init fails. */
    static final UnaryOperator<String> MISSING_PROVIDER = json -> json.replaceFirst("\\{",
            "{\"terraform\": {\"required_providers\": {\"nope\": {\"source\": \"hashicorp/nope\"}}},");

    @TempDir
    Path temp;
    private DryRunFixture fixture;
    private final Map<String, Set<String>> roots = new ConcurrentHashMap<>();
    /** The batch size of the next run. */
    private int batchSize = PlanOptions.DEFAULT_BATCH_SIZE;
    /** What the last run left in its work directory. */
    private List<Path> left = List.of();

    @BeforeEach
    void setUp() throws Exception {
        Requirements.tool("terraform");
        fixture = new DryRunFixture(temp.resolve("f"));
    }

    @Test
    void aGroupSplitIntoRootsGivesThePerStackCounts() throws Exception {
        Map<String, String> perStack = results(run(PlanMode.PER_STACK, 2, DryRunFixture.local()));
        Map<String, String> batch = results(run(PlanMode.BATCH, 2, DryRunFixture.local()));
        assertThat(batch).isEqualTo(perStack).hasSize(3).allSatisfy((l, r) -> assertThat(r).matches("planned [1-9].*"));
        assertThat(roots.keySet()).as("no provider configuration of their own: one root").containsExactly("batch-1-1");
        batchSize = 2;
        assertThat(results(run(PlanMode.BATCH, 2, DryRunFixture.local()))).isEqualTo(perStack);
        assertThat(roots.keySet()).as("two roots of one provider set").containsExactlyInAnyOrder("batch-1-1",
                "batch-1-2");
    }

    @Test
    void stacksAreGroupedByProviderRequirementsAndOneThatCannotBeAModuleIsPlannedAlone() throws Exception {
        DryRunFixture.Counting synth = new DryRunFixture.Counting(DryRunFixture.local("routed-pair", BUILTIN_REQUIRED),
                "web-dashboard", ALIASED);
        Map<String, String> batch = results(run(PlanMode.BATCH, 1, synth));
        assertThat(batch.values()).allSatisfy(r -> assertThat(r).startsWith("planned"));
        assertThat(roots).containsOnlyKeys("batch-1-1", "batch-2-1", DryRunIds.liveLessonId("web-dashboard"));
        assertThat(roots.values().stream().flatMap(Set::stream).collect(Collectors.toSet()))
                .contains("linux-first-steps", "routed-pair");
        assertThat(batch).isEqualTo(results(run(PlanMode.PER_STACK, 2, DryRunFixture.local())));
    }

    @Test
    void aPlanTimeErrorFailsItsLessonAloneAndTheOthersStillReport() throws Exception {
        PlanReport report = run(PlanMode.BATCH, 1, DryRunFixture.local("routed-pair", PLAN_ERROR));
        StackOutcome failed = outcome(report, "routed-pair");
        assertThat(failed.result()).isEqualTo("failed: plan");
        assertThat(failed.diagnostics()).singleElement().asString().contains("Invalid function argument")
                .as("as the per-stack mode reports it: no module address").doesNotContain("module.");
        assertThat(failed.stack()).isEqualTo("fixture-" + DryRunIds.liveLessonId("routed-pair"));
        assertThat(outcome(report, "linux-first-steps").ok()).isTrue();
        assertThat(outcome(report, "web-dashboard").ok()).isTrue();
        assertThat(report.exitCode(false)).isEqualTo(1);
        assertThat(report.exitCode(true)).isEqualTo(1);
        Map<String, String> clean = results(run(PlanMode.PER_STACK, 2, DryRunFixture.local()));
        assertThat(results(report)).containsEntry("linux-first-steps", clean.get("linux-first-steps"))
                .containsEntry("web-dashboard", clean.get("web-dashboard"));
    }

    @Test
    void aProviderAnInitCannotInstallEndsTheRunWithOneErrorNamingIt() {
        for (PlanMode mode : PlanMode.values()) {
            assertThatThrownBy(() -> run(mode, 2, DryRunFixture.local("web-dashboard", MISSING_PROVIDER)))
                    .as(mode.toString()).isInstanceOfSatisfying(DryRunException.class, e -> {
                        assertThat(e.usage()).isFalse();
                        assertThat(e.getMessage()).contains("terraform cannot install the provider hashicorp/nope")
                                .doesNotContain("\n");
                    });
            assertThat(left).as(mode + ": left in the work directory").isEmpty();
        }
    }

    @Test
    void aWrongExpectationOfTheProviderSetCostsOnlyItsOwnInit() throws Exception {
        JsonNode wrong = JSON.readTree("{\"nope\": {\"source\": \"hashicorp/nope\"}}");
        PlanReport report = run(PlanMode.BATCH, 2, DryRunFixture.local(), Optional.of(wrong));
        assertThat(report.outcomes()).allSatisfy(o -> assertThat(o.ok()).as(o.toString()).isTrue());
    }

    @Test
    void theStreamAndTheSavedPlanGiveTheSameCountsPerLesson() throws Exception {
        AntidoteConfig config = fixture.config();
        DryRunStacks stacks = fixture.stacks(DryRunFixture.local(), DryRunSettings.defaults(), null);
        List<StackModule> modules = fixture.lessons().stream().map(stacks::synth)
                .map(s -> StackModule.of(s, ModuleKeys.of(s.lessonSlug())).orElseThrow()).toList();
        PlanEvents events = new PlanEvents();
        Terraform tf = Terraform.open(PlanSettings.runner(config.backendConfigs().terraform().runner(),
                temp.resolve("work"), 1), new StateBackend.Local(), NoopTracerFactory.create(), events, List.of());
        Workspace ws = tf.workspaces().open(new StackId("fixture", "root"));
        BatchRoot.write(ws.dir(), modules.get(0).requirements(), modules);
        tf.init(ws, null);
        events.watch(ws);
        SavedPlan plan = tf.plan(ws, null);
        Set<String> keys = modules.stream().map(StackModule::key).collect(Collectors.toSet());
        var fromStream = PlanChanges.fromEvents(events.take(ws), keys).orElseThrow();
        assertThat(PlanChanges.consistent(fromStream, plan.summary())).isTrue();
        assertThat(PlanChanges.fromShow(tf.showPlan(plan, null), keys)).isEqualTo(fromStream);
        assertThat(fromStream.values()).allSatisfy(s -> assertThat(s.add()).isPositive());
    }

    private PlanReport run(PlanMode mode, int parallel, DryRunFixture.Counting synth) throws Exception {
        return run(mode, parallel, synth, Synthesizers.expectedRequirements(fixture.config()));
    }

    private PlanReport run(PlanMode mode, int parallel, DryRunFixture.Counting synth, Optional<JsonNode> expected)
            throws Exception {
        roots.clear();
        AntidoteConfig config = fixture.config();
        LoadResult loaded = fixture.load();
        Path work = Files.createTempDirectory(temp, "work");
        PlanEvents events = new PlanEvents();
        TerraformListener both = new TerraformListener() {
            @Override
            public void event(Phase phase, Workspace ws, TerraformEvent event) {
                events.event(phase, ws, event);
            }

            @Override
            public void started(Phase phase, Workspace ws, long pid) {
                if (phase == Phase.PLAN) {
                    roots.computeIfAbsent(ws.dir().getFileName().toString(), k -> ConcurrentHashMap.newKeySet())
                            .addAll(planned(ws.dir()));
                }
            }
        };
        Terraform tf = Terraform.open(PlanSettings.runner(config.backendConfigs().terraform().runner(), work,
                parallel), new StateBackend.Local(), NoopTracerFactory.create(), both, List.of());
        DryRunStacks stacks = fixture.stacks(synth, DryRunSettings.defaults(), null);
        LessonSelection selection = LessonSelection.of(loaded, config.tier(), List.of());
        try {
            return new PlanRun(tf, stacks, config.instanceId(),
                    new PlanOptions(mode, parallel, batchSize, expected), Progress.none(), events)
                    .run(selection);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                left = files.filter(p -> !p.equals(work)).toList();
            }
            assertThat(left).as("left in the work directory").isEmpty();
        }
    }

    /** The lessons a root planned in {@code dir} has (its {@code stacks/}), or none for a stack's own workspace. */
    private static Set<String> planned(Path dir) {
        try (Stream<Path> s = Files.list(dir.resolve(BatchRoot.MODULES))) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (java.io.IOException e) {
            return Set.of();
        }
    }

    private static Map<String, String> results(PlanReport report) {
        Map<String, String> out = new TreeMap<>();
        for (StackOutcome o : report.outcomes()) {
            out.put(o.lesson(), o.ok() ? "planned " + o.summary().add() + "/" + o.summary().change() + "/"
                    + o.summary().imports() + "/" + o.summary().remove() + " " + o.stack() : o.result());
        }
        return out;
    }

    private static StackOutcome outcome(PlanReport report, String lesson) {
        return report.outcomes().stream().filter(o -> o.lesson().equals(lesson)).findFirst().orElseThrow();
    }
}
