package io.antidote.tf.backend.terraform;

import static io.antidote.tf.live.LiveLessonStatus.BOOTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antidote.tf.live.Operation;
import io.antidote.tf.readiness.ReadinessException;
import io.antidote.tf.stack.SynthesizedStack;
import io.antidote.tf.stack.StackRequest;
import io.antidote.tf.stack.StackSynthesizer;
import io.antidote.tf.stack.UntrustedImageException;
import io.antidote.tf.stack.local.LocalStackSynthesizer;
import io.antidote.tf.terraform.HookType;
import io.antidote.tf.terraform.Phase;
import io.antidote.tf.terraform.StateLockedException;
import io.antidote.tf.terraform.TerraformCommandException;
import io.antidote.tf.terraform.TerraformEvent;
import io.antidote.tf.terraform.TerraformTimeoutException;
import io.antidote.tf.testing.Requirements;
import io.opentracing.mock.MockSpan;
import io.opentracing.tag.Tags;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real failures of a CREATE or MODIFY with the real terraform and the local target: each fails the livelesson (Error
 * flag, evidence in the span), destroys a partial stack at once, and a DELETE still leaves nothing behind.
 */
class TerraformBackendFailureIT extends BackendLab {

    private Throwable failedCreate(TerraformBackend backend, String id) {
        Throwable e = catchThrowable(() -> backend.handleCreate(null,
                BackendFixture.request(Operation.CREATE, id, 0)));
        assertThat(e).isNotNull();
        assertThat(fx.get(id).error()).as("Error flag").isTrue();
        assertThat(Files.exists(fx.stackDir(id))).as("partial stack destroyed and removed at once").isFalse();
        assertThat(span("backend.create").tags()).containsEntry(Tags.ERROR.getKey(), true);
        return e;
    }

    private MockSpan span(String operation) {
        return fx.tracer.finishedSpans().stream().filter(s -> s.operationName().equals(operation)).reduce((a, b) -> b)
                .orElseThrow();
    }

    private static List<Map<String, Object>> events(MockSpan span, String event) {
        List<Map<String, Object>> found = new java.util.ArrayList<>();
        for (MockSpan.LogEntry e : span.logEntries()) {
            if (event.equals(e.fields().get("event"))) {
                found.add(new java.util.HashMap<>(e.fields()));
            }
        }
        return found;
    }

    private void delete(TerraformBackend backend, String id) {
        backend.handleDelete(null, BackendFixture.request(Operation.DELETE, id, 0));
    }

    @Test
    void aHookExitingHalfWayFailsTheCreateWithEvidenceAndItsPartialStackIsDestroyed() {
        try (TerraformBackend backend = fx.backend(fx.config(120, Map.of("router", "echo half way; exit 1")))) {
            String id = fx.liveLesson(0, "s1");
            Throwable e = failedCreate(backend, id);
            assertThat(e).isInstanceOf(TerraformCommandException.class).hasMessageContaining("local-exec");
            assertThat(fx.recording.statusesOf(id)).containsExactly(BOOTING);
            MockSpan create = span("backend.create");
            assertThat(events(create, "terraform.failure")).singleElement()
                    .satisfies(f -> assertThat(f.get("output_head") + "\n" + f.get("output_tail")).contains("half way"));
            assertThat(events(create, "terraform.failure.diagnostic"))
                    .anySatisfy(f -> assertThat(f.get("address")).isEqualTo("terraform_data.endpoint_r1"));
            assertThat(span("stack.destroy").tags().get("destroy.removed"))
                    .as("host and web1 created, r1 created but tainted: all three in state and destroyed").isEqualTo(3);
            delete(backend, id);
        }
    }

    @Test
    void aHookSleepingPastTheApplyTimeoutIsCancelledAndCleanedUp() {
        try (TerraformBackend backend = fx.backend(fx.config(3, Map.of("router", "sleep 30")))) {
            String id = fx.liveLesson(0, "s1");
            long start = System.nanoTime();
            assertThat(failedCreate(backend, id)).isInstanceOf(TerraformTimeoutException.class);
            assertThat((System.nanoTime() - start) / 1_000_000_000L).as("timeout 3 s + grace 2 s").isLessThan(20);
            delete(backend, id);
        }
    }

    @Test
    void terraformKilledMidApplyLeavesStateThatIsReadBackAndDestroyed() {
        try (TerraformBackend backend = fx.backend(fx.config(120, Map.of("router", "sleep 30")))) {
            fx.onEvent = ev -> {
                if (ev instanceof TerraformEvent.Hook h && h.type() == HookType.PROVISION_START
                        && h.address().equals("terraform_data.endpoint_r1")) {
                    kill(fx.lastPid.get(Phase.APPLY));
                }
            };
            String id = fx.liveLesson(0, "s1");
            assertThat(failedCreate(backend, id)).isInstanceOf(TerraformCommandException.class);
            delete(backend, id);
        }
    }

    private static void kill(long pid) {
        try {
            new ProcessBuilder("kill", "-s", "KILL", "--", "-" + pid).inheritIO().start().waitFor();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aStateLockedByAnotherProcessFailsTheModifyAndADestroyFailingOnItKeepsTheWorkspaceForPruneOrphans()
            throws Exception {
        try (TerraformBackend backend = fx.backend(fx.config(120, Map.of()))) {
            String id = fx.liveLesson(0, "s1");
            backend.handleCreate(null, BackendFixture.request(Operation.CREATE, id, 0));
            try (FileChannel ch = FileChannel.open(fx.stackDir(id).resolve("terraform.tfstate"),
                    StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
                Throwable e = catchThrowable(() -> backend.handleModify(null,
                        BackendFixture.request(Operation.MODIFY, id, 1)));
                assertThat(e).isInstanceOf(StateLockedException.class);
                assertThat(fx.get(id).error()).isTrue();
                assertThat(events(span("backend.modify"), "terraform.failure")).hasSize(1);
                Throwable d = catchThrowable(() -> delete(backend, id));
                assertThat(d).isInstanceOf(StateLockedException.class);
                assertThat(fx.recording.db.getLiveLesson(id)).as("state deleted whatever happened").isEmpty();
                assertThat(Files.isDirectory(fx.stackDir(id))).as("workspace kept for a retry").isTrue();
            }
            backend.pruneOrphans();
            assertThat(Files.exists(fx.stackDir(id))).isFalse();
        }
    }

    @Test
    void lineThatAreNotJsonInTheStreamAreTolerated() throws Exception {
        java.nio.file.Path wrapper = fx.temp.resolve("terraform-noisy");
        Files.writeString(wrapper, "#!/bin/sh\necho 'this line is not JSON {' >&2\nexec terraform \"$@\"\n");
        wrapper.toFile().setExecutable(true);
        try (TerraformBackend backend = fx.backend(BackendFixture.config(fx.workDir, wrapper.toString(), 4, 120, 20,
                Map.of("utility", "echo '<<junk>>'; echo '{not json'")))) {
            String id = fx.liveLesson(0, "s1");
            backend.handleCreate(null, BackendFixture.request(Operation.CREATE, id, 0));
            assertThat(fx.get(id).status()).isEqualTo(io.antidote.tf.live.LiveLessonStatus.READY);
            delete(backend, id);
        }
    }

    @Test
    void outputsThatBreakTheContractFailTheCreateNamingTheOutput() {
        StackSynthesizer local = new LocalStackSynthesizer(fx.config(120, Map.of()).backendConfigs().terraform().local());
        StackSynthesizer broken = new StackSynthesizer() {
            @Override
            public SynthesizedStack synth(StackRequest request) {
                try {
                    ObjectMapper json = new ObjectMapper();
                    ObjectNode root = (ObjectNode) json.readTree(local.synth(request).json());
                    ((ObjectNode) root.path("output").path("stage")).put("value", "two");
                    return new SynthesizedStack(request.stackName(), root.toString());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void close() {
            }
        };
        try (TerraformBackend backend = TerraformBackendFactory.create(fx.config(120, Map.of()), fx.recording.db,
                BackendFixture.BUILD_INFO, fx.tracer, fx.options(java.time.Clock.systemUTC()).withSynthesizer(broken))) {
            String id = fx.liveLesson(0, "s1");
            Throwable e = failedCreate(backend, id);
            assertThat(e).isInstanceOf(StackContractException.class).hasMessageContaining("output stage")
                    .hasMessageContaining("'two'");
            assertThat(((StackContractException) e).output()).isEqualTo("stage");
            delete(backend, id);
        }
    }

    @Test
    void anEndpointNobodyListensOnFailsReadinessWithinItsTimeout() throws Exception {
        fx.assertNothingLeft();
        fx = new BackendFixture(BackendFixture.lesson(LabServers.closedPort(), servers.sshPort(), 0));
        try (TerraformBackend backend = TerraformBackendFactory.create(fx.config(120, Map.of()), fx.recording.db,
                BackendFixture.BUILD_INFO, fx.tracer, fx.options(java.time.Clock.systemUTC()).withReadiness(
                        new io.antidote.tf.readiness.ReadinessSettings(java.time.Duration.ofSeconds(2),
                                java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(1), 4)))) {
            String id = fx.liveLesson(0, "s1");
            Throwable e = failedCreate(backend, id);
            assertThat(e).isInstanceOf(ReadinessException.class);
            assertThat(((ReadinessException) e).reason()).isEqualTo(ReadinessException.Reason.TIMED_OUT);
            assertThat(fx.get(id).totalTests()).isEqualTo(2);
            assertThat(fx.get(id).healthyTests()).isEqualTo(1);
            assertThat(fx.recording.statusesOf(id)).containsExactly(BOOTING);
            delete(backend, id);
        }
    }

    @Test
    void aTrustedImageTheOperatorDidNotGrantFailsTheCreateBeforeAnyTerraformRuns() {
        var config = BackendFixture.config(fx.workDir, "terraform", 4, 120, 20, Map.of(), List.of("utility"));
        try (TerraformBackend backend = TerraformBackendFactory.create(config, fx.recording.db,
                BackendFixture.BUILD_INFO, fx.tracer, fx.options(java.time.Clock.systemUTC()))) {
            String id = fx.liveLesson(0, "s1");
            Throwable e = failedCreate(backend, id);
            assertThat(e).isInstanceOf(UntrustedImageException.class).hasMessage("lesson 'lab': image 'router' "
                    + "(endpoint r1) asks in its metadata for flavor trusted (a privileged container, root on the "
                    + "lesson host), which backendConfigs.terraform.trustedImages does not grant; list it there to "
                    + "allow it, or '*' to trust every image's metadata");
            assertThat(fx.lastPid.keySet()).as("no terraform but its version").containsOnly(Phase.VERSION);
            backend.handleDelete(null, BackendFixture.request(Operation.DELETE, id, 0));
        }
    }

    @Test
    void theValueOfAPassedVariablePrintedByTerraformIsMaskedInTheErrorTheSpanAndTheEvidence() {
        String variable = "ANTIDOTE_TF_IT_PROVIDER_SETTING";
        String value = Requirements.env(variable, "set by the failsafe configuration in pom.xml");
        var config = BackendFixture.config(fx.workDir, "terraform", 4, 120, 20,
                Map.of("router", "echo \"leaked $" + variable + "\"; exit 1"), List.of("router"), List.of(variable));
        try (TerraformBackend backend = fx.backend(config)) {
            String id = fx.liveLesson(0, "s1");
            Throwable e = failedCreate(backend, id);
            MockSpan create = span("backend.create");
            String evidence = events(create, "terraform.failure").toString();
            assertThat(evidence).as("terraform did print it").contains("leaked " + io.antidote.tf.tracing.Redactor.MASK);
            assertThat(evidence + e.getMessage() + create.logEntries()).doesNotContain(value);
            delete(backend, id);
        }
    }
}
