package io.antidote.tf.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antidote.tf.lesson.PresentationType;
import io.antidote.tf.live.LiveEndpoint;
import io.antidote.tf.live.LivePresentation;
import io.opentracing.mock.MockTracer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The readiness checks against a real OpenSSH server started for each test on a loopback port. */
class SshReadinessIT {
    private final MockTracer tracer = new MockTracer();

    private static LiveEndpoint sshEndpoint(String name, int port, String user, String password) {
        return new LiveEndpoint(name, "utility", List.of(port),
                List.of(new LivePresentation("cli", port, PresentationType.SSH, null)), null, null, user, password,
                "127.0.0.1");
    }

    @Test
    void madeUpCredentialsRefusedByARealSshdCountAsUp() throws Exception {
        try (OpenSshServer sshd = new OpenSshServer(); NetworkChecks checks = new NetworkChecks()) {
            sshd.start();
            CheckOutcome outcome = checks.ssh(new CheckTarget("linux1", CheckKind.SSH, "127.0.0.1", sshd.port()),
                    SshCredentials.madeUp()).attempt(Duration.ofSeconds(10));
            assertThat(outcome.status()).as(outcome.detail()).isEqualTo(CheckOutcome.Status.READY);
            assertThat(outcome.detail()).contains("OpenSSH", "refused");
            assertThat(sshd.log()).contains("Invalid user " + SshCredentials.madeUp().user());
        }
    }

    @Test
    void aRealSshdIsReadyWhileASilentListenerIsNot() throws Exception {
        try (OpenSshServer sshd = new OpenSshServer(); Loopback silent = Loopback.silent();
                NetworkChecks checks = new NetworkChecks()) {
            sshd.start();
            var settings = new ReadinessSettings(Duration.ofSeconds(4), Duration.ofMillis(500), Duration.ofSeconds(1), 4);
            List<String> progress = new CopyOnWriteArrayList<>();
            EndpointReadinessWaiter waiter = new EndpointReadinessWaiter(tracer, checks, settings);
            assertThatThrownBy(() -> waiter.await("it1", List.of(
                    sshEndpoint("linux1", sshd.port(), "antidote", "antidotepassword"),
                    sshEndpoint("mute", silent.port(), "antidote", "antidotepassword")), null,
                    (h, t) -> progress.add(h + "/" + t)))
                    .isInstanceOfSatisfying(ReadinessException.class, e -> {
                        assertThat(e.reason()).isEqualTo(ReadinessException.Reason.TIMED_OUT);
                        assertThat(e.notReady()).singleElement().satisfies(n -> {
                            assertThat(n.target().endpoint()).isEqualTo("mute");
                            assertThat(n.reason()).contains("no SSH version exchange");
                        });
                        assertThat(e.getMessage()).doesNotContain("antidotepassword");
                    });
            assertThat(progress).containsExactly("0/2", "1/2");
            assertThat(silent.acceptedCount()).isGreaterThan(1);
        }
    }

    @Test
    void anEndpointWhoseSshdStartsLateIsDetected() throws Exception {
        Path dir;
        try (OpenSshServer sshd = new OpenSshServer(); NetworkChecks checks = new NetworkChecks()) {
            dir = sshd.directory();
            // sshd starts when the waiter first pauses, i.e. after a whole round found it down (however long the
            // first SSH attempt takes on a loaded machine: a fixed delay raced it)
            AtomicBoolean started = new AtomicBoolean();
            Sleeper startSshdAtTheFirstPause = pause -> {
                if (started.compareAndSet(false, true)) {
                    try {
                        sshd.start();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                Sleeper.SYSTEM.sleep(pause);
            };
            var settings = new ReadinessSettings(Duration.ofSeconds(60), Duration.ofMillis(500), Duration.ofSeconds(3), 4);
            List<String> progress = new CopyOnWriteArrayList<>();
            ReadinessResult result = new EndpointReadinessWaiter(tracer, checks, settings, Clock.systemUTC(),
                    startSshdAtTheFirstPause).await("it2", List.of(sshEndpoint("late", sshd.port(), "", "")), null,
                    (h, t) -> progress.add(h + "/" + t));
            assertThat(started).isTrue();
            assertThat(result.rounds()).isGreaterThan(1);
            assertThat(progress).containsExactly("0/1", "1/1");
            assertThat(sshd.isRunning()).isTrue();
        }
        assertThat(Files.exists(dir)).as("temp dir removed").isFalse();
    }
}
