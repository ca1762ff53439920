package io.antidote.tf.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SSH check against an in-process SSH server and against loopback listeners that do not speak SSH. */
class SshCheckTest {
    /** For servers that never answer: the attempt must end at about this. */
    private static final Duration ATTEMPT = Duration.ofMillis(700);
    /** For servers that do answer: generous, since the first exchange in a JVM also loads the crypto (a loaded CI
     *  machine took over 700 ms); an answering server ends the attempt as soon as it has answered. */
    private static final Duration ANSWERING = Duration.ofSeconds(15);
    private static SshServer server;
    private static NetworkChecks checks;

    @BeforeAll
    static void start() throws Exception {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
        server.setPasswordAuthenticator((user, password, session) -> "alice".equals(user)
                && "wonderland".equals(password));
        server.start();
        checks = new NetworkChecks();
    }

    @AfterAll
    static void stop() throws Exception {
        checks.close();
        server.stop(true);
    }

    private static CheckOutcome attempt(String host, int port, SshCredentials credentials) {
        return attempt(host, port, credentials, ATTEMPT);
    }

    private static CheckOutcome attempt(String host, int port, SshCredentials credentials, Duration timeout) {
        return checks.ssh(new CheckTarget("vqfx1", CheckKind.SSH, host, port), credentials).attempt(timeout);
    }

    @Test
    void aServerThatRefusesMadeUpCredentialsIsReady() {
        CheckOutcome outcome = attempt("127.0.0.1", server.getPort(), SshCredentials.madeUp(), ANSWERING);
        assertThat(outcome.status()).isEqualTo(CheckOutcome.Status.READY);
        assertThat(outcome.detail()).contains("refused");
    }

    @Test
    void aServerThatAcceptsTheCredentialsIsReady() {
        CheckOutcome outcome = attempt("127.0.0.1", server.getPort(), new SshCredentials("alice", "wonderland"), ANSWERING);
        assertThat(outcome.status()).isEqualTo(CheckOutcome.Status.READY);
        assertThat(outcome.detail()).contains("accepted").doesNotContain("wonderland");
    }

    @Test
    void aListenerThatNeverSpeaksIsNotReadyAndTheAttemptEndsInTime() throws Exception {
        try (Loopback silent = Loopback.silent()) {
            long started = System.nanoTime();
            CheckOutcome outcome = attempt("127.0.0.1", silent.port(), SshCredentials.madeUp());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(outcome.status()).isEqualTo(CheckOutcome.Status.NOT_YET);
            assertThat(outcome.detail()).contains("no SSH version exchange");
            assertThat(silent.acceptedCount()).isEqualTo(1);
            assertThat(took).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aListenerThatSendsGarbageIsNotReady() throws Exception {
        try (Loopback garbage = Loopback.garbage()) {
            CheckOutcome outcome = attempt("127.0.0.1", garbage.port(), new SshCredentials("bob", "pw-in-test-42"));
            assertThat(outcome.status()).isEqualTo(CheckOutcome.Status.NOT_YET);
            assertThat(outcome.detail()).doesNotContain("pw-in-test-42");
        }
    }

    @Test
    void aClosedPortIsNotReadyYet() throws Exception {
        CheckOutcome outcome = attempt("127.0.0.1", Loopback.closedPort(), SshCredentials.madeUp());
        assertThat(outcome.status()).isEqualTo(CheckOutcome.Status.NOT_YET);
    }

    @Test
    void aHostNameThatCannotBeResolvedIsADefiniteFailure() {
        CheckOutcome outcome = attempt("no-such-host.invalid", 22, SshCredentials.madeUp());
        assertThat(outcome.status()).isEqualTo(CheckOutcome.Status.FAILED);
    }

    @Test
    void credentialsNeverShowTheirPassword() {
        assertThat(new SshCredentials("antidote", "hunter2").toString()).doesNotContain("hunter2");
        assertThat(SshCredentials.orMadeUp("", "x")).isEqualTo(SshCredentials.madeUp());
    }
}
