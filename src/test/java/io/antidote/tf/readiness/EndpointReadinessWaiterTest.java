package io.antidote.tf.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antidote.tf.lesson.PresentationType;
import io.antidote.tf.live.LiveEndpoint;
import io.antidote.tf.live.LivePresentation;
import io.opentracing.mock.MockSpan;
import io.opentracing.mock.MockTracer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class EndpointReadinessWaiterTest {
    private final MockTracer tracer = new MockTracer();
    private final FakeTime time = new FakeTime();
    private final List<String> progress = new CopyOnWriteArrayList<>();

    private static final ReadinessSettings SETTINGS =
            new ReadinessSettings(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMillis(500), 4);

    private EndpointReadinessWaiter waiter(CheckFactory factory) {
        return new EndpointReadinessWaiter(tracer, factory, SETTINGS, time, time);
    }

    private ReadinessProgress recorder() {
        return (healthy, total) -> progress.add(healthy + "/" + total);
    }

    /** Hands out scripted checks by port, whatever the kind. */
    private static CheckFactory scripted(Map<Integer, ScriptedCheck> byPort) {
        return new CheckFactory() {
            @Override
            public ReadinessCheck tcp(CheckTarget target) {
                return byPort.get(target.port());
            }

            @Override
            public ReadinessCheck ssh(CheckTarget target, SshCredentials credentials) {
                return byPort.get(target.port());
            }
        };
    }

    private static LiveEndpoint endpoint(String name, int... ports) {
        List<Integer> list = java.util.Arrays.stream(ports).boxed().toList();
        return new LiveEndpoint(name, "img", list, List.of(), null, null, "antidote", "s3cret-pw", "127.0.0.1");
    }

    @Test
    void reportsProgressInOrderAsEndpointsBecomeHealthy() {
        ScriptedCheck a = ScriptedCheck.readyAfter("a", 1001, 0);
        ScriptedCheck b1 = ScriptedCheck.readyAfter("b", 1002, 1);
        ScriptedCheck b2 = ScriptedCheck.readyAfter("b", 1003, 2);
        ReadinessResult result = waiter(scripted(Map.of(1001, a, 1002, b1, 1003, b2)))
                .await("ll1", List.of(endpoint("a", 1001), endpoint("b", 1002, 1003)), null, recorder());

        assertThat(progress).containsExactly("0/2", "1/2", "2/2");
        assertThat(result.rounds()).isEqualTo(3);
        assertThat(result.endpoints()).isEqualTo(2);
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(a.attempts.get()).as("a ready check is not tried again").isEqualTo(1);
        assertThat(b1.attempts.get()).isEqualTo(2);
        assertThat(b2.attempts.get()).isEqualTo(3);
    }

    @Test
    void timesOutNamingThePortsThatWereNotReady() {
        ScriptedCheck up = ScriptedCheck.readyAfter("a", 1001, 0);
        ScriptedCheck down = new ScriptedCheck("b", 1002, CheckOutcome.notYet("connection refused"));
        assertThatThrownBy(() -> waiter(scripted(Map.of(1001, up, 1002, down)))
                .await("ll2", List.of(endpoint("a", 1001), endpoint("b", 1002)), null, recorder()))
                .isInstanceOfSatisfying(ReadinessException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ReadinessException.Reason.TIMED_OUT);
                    assertThat(e.liveLessonId()).isEqualTo("ll2");
                    assertThat(e.notReady()).singleElement().satisfies(n -> {
                        assertThat(n.target().endpoint()).isEqualTo("b");
                        assertThat(n.target().port()).isEqualTo(1002);
                        assertThat(n.reason()).isEqualTo("connection refused");
                    });
                    assertThat(e.elapsed()).isEqualTo(Duration.ofSeconds(10));
                    assertThat(e.getMessage()).contains("ll2", "b tcp 127.0.0.1:1002", "connection refused");
                });
        assertThat(time.slept()).isEqualTo(Duration.ofSeconds(10));
        assertThat(down.attempts.get()).as("a round at t=0..10 s").isEqualTo(11);
        assertThat(progress).containsExactly("0/2", "1/2");
    }

    @Test
    void aDefiniteFailureStopsPollingEarly() {
        ScriptedCheck slow = new ScriptedCheck("a", 1001, CheckOutcome.notYet("booting"));
        ScriptedCheck broken = new ScriptedCheck("b", 1002, CheckOutcome.notYet("booting"),
                CheckOutcome.failed("host name gone.invalid cannot be resolved"));
        assertThatThrownBy(() -> waiter(scripted(Map.of(1001, slow, 1002, broken)))
                .await("ll3", List.of(endpoint("a", 1001), endpoint("b", 1002)), null, recorder()))
                .isInstanceOfSatisfying(ReadinessException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ReadinessException.Reason.FAILED);
                    assertThat(e.notReady()).first().satisfies(n -> {
                        assertThat(n.status()).isEqualTo(CheckOutcome.Status.FAILED);
                        assertThat(n.target().endpoint()).isEqualTo("b");
                    });
                });
        assertThat(time.sleeps).hasSize(1);
        assertThat(broken.attempts.get()).isEqualTo(2);
    }

    @Test
    void anEndpointWithoutHostFailsBeforeAnySleep() {
        LiveEndpoint noHost = new LiveEndpoint("c", "img", List.of(22), List.of(), null, null, null, null, "");
        assertThatThrownBy(() -> waiter(new NetworkChecks()).await("ll4", List.of(noHost), null, recorder()))
                .isInstanceOfSatisfying(ReadinessException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ReadinessException.Reason.FAILED);
                    assertThat(e.notReady()).singleElement()
                            .satisfies(n -> assertThat(n.target().kind()).isEqualTo(CheckKind.DEFINITION));
                });
        assertThat(time.sleeps).isEmpty();
        assertThat(progress).containsExactly("0/1");
    }

    @Test
    void noEndpointsIsReadyAtOnce() {
        ReadinessResult result = waiter(new NetworkChecks()).await("ll5", List.of(), null, recorder());
        assertThat(result.rounds()).isZero();
        assertThat(progress).containsExactly("0/0");
    }

    @Test
    void realLoopbackSocketsOneListeningOneClosedOneSilentSsh() throws Exception {
        try (ServerSocket open = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                Loopback silent = Loopback.silent();
                NetworkChecks checks = new NetworkChecks()) {
            int closed = Loopback.closedPort();
            LiveEndpoint web = endpoint("web", open.getLocalPort());
            LiveEndpoint down = endpoint("down", closed);
            LiveEndpoint mute = new LiveEndpoint("mute", "img", List.of(silent.port()),
                    List.of(new LivePresentation("cli", silent.port(), PresentationType.SSH, null)),
                    null, null, "antidote", "s3cret-pw", "127.0.0.1");
            var quick = new ReadinessSettings(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMillis(300), 4);
            var w = new EndpointReadinessWaiter(tracer, checks, quick, time, time);
            assertThatThrownBy(() -> w.await("ll6", List.of(web, down, mute), null, recorder()))
                    .isInstanceOfSatisfying(ReadinessException.class, e -> {
                        assertThat(e.reason()).isEqualTo(ReadinessException.Reason.TIMED_OUT);
                        assertThat(e.notReady()).extracting(n -> n.target().endpoint())
                                .containsExactly("down", "mute");
                        assertThat(e.getMessage()).doesNotContain("s3cret-pw");
                    });
            assertThat(progress).containsExactly("0/3", "1/3");
        }
    }

    @Test
    void tracesTheWaitAsAChildSpanWithAnEventPerReadyEndpoint() {
        MockSpan parent = tracer.buildSpan("create").start();
        ScriptedCheck a = ScriptedCheck.readyAfter("a", 1001, 0);
        ScriptedCheck b = ScriptedCheck.readyAfter("b", 1002, 1);
        waiter(scripted(Map.of(1001, a, 1002, b)))
                .await("ll7", List.of(endpoint("a", 1001), endpoint("b", 1002)), parent, recorder());

        MockSpan span = tracer.finishedSpans().get(0);
        assertThat(span.operationName()).isEqualTo("readiness_wait");
        assertThat(span.parentId()).isEqualTo(parent.context().spanId());
        assertThat(span.tags()).containsEntry("liveLessonId", "ll7").doesNotContainKey("error");
        assertThat(span.logEntries()).extracting(l -> l.fields().get("event") + " " + l.fields().get("endpoint"))
                .containsExactly("endpoint ready a", "endpoint ready b", "all endpoints ready null");
    }

    @Test
    void aFailedWaitIsLoggedToItsSpanWithoutThePassword() {
        ScriptedCheck down = new ScriptedCheck("b", 1002, CheckOutcome.failed("gone"));
        assertThatThrownBy(() -> waiter(scripted(Map.of(1002, down)))
                .await("ll8", List.of(endpoint("b", 1002)), null, recorder()))
                .isInstanceOf(ReadinessException.class);
        MockSpan span = tracer.finishedSpans().get(0);
        assertThat(span.tags()).containsEntry("error", true);
        assertThat(span.logEntries()).last().satisfies(l -> {
            assertThat(l.fields().get("event")).isEqualTo("error");
            assertThat(l.fields().get("error.kind")).isEqualTo("ReadinessException");
            assertThat(String.valueOf(l.fields().get("message"))).contains("gone").doesNotContain("s3cret-pw");
        });
    }

    @Test
    void anInterruptedWaitSaysSoAndKeepsTheInterruptFlag() {
        ScriptedCheck down = new ScriptedCheck("b", 1002, CheckOutcome.notYet("booting"));
        Sleeper interrupted = d -> {
            throw new InterruptedException("stop");
        };
        EndpointReadinessWaiter w = new EndpointReadinessWaiter(tracer, scripted(Map.of(1002, down)), SETTINGS, time,
                interrupted);
        try {
            assertThatThrownBy(() -> w.await("ll9", List.of(endpoint("b", 1002)), null, recorder()))
                    .isInstanceOfSatisfying(ReadinessException.class,
                            e -> assertThat(e.reason()).isEqualTo(ReadinessException.Reason.INTERRUPTED));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void settingsComeFromTheBackendConfiguration() {
        var config = new io.antidote.tf.config.TerraformBackendConfig(null, 42, null, null, null);
        assertThat(ReadinessSettings.from(config).timeout()).isEqualTo(Duration.ofSeconds(42));
        assertThat(ReadinessSettings.defaults().timeout()).isEqualTo(Duration.ofSeconds(600));
    }
}
