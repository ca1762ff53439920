package io.antidote.tf.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TcpCheckTest {
    private static final Duration ATTEMPT = Duration.ofSeconds(2);

    private static TcpCheck check(String host, int port) {
        return new TcpCheck(new CheckTarget("r1", CheckKind.TCP, host, port));
    }

    @Test
    void aListeningPortIsReady() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CheckOutcome outcome = check("127.0.0.1", server.getLocalPort()).attempt(ATTEMPT);
            assertThat(outcome.status()).isEqualTo(CheckOutcome.Status.READY);
        }
    }

    @Test
    void aClosedPortIsNotReadyYet() throws Exception {
        CheckOutcome outcome = check("127.0.0.1", Loopback.closedPort()).attempt(ATTEMPT);
        assertThat(outcome.status()).isEqualTo(CheckOutcome.Status.NOT_YET);
        assertThat(outcome.detail()).startsWith("TCP connect:");
    }

    @Test
    void aSilentListenerIsReadyForTcp() throws Exception {
        try (Loopback silent = Loopback.silent()) {
            assertThat(check("127.0.0.1", silent.port()).attempt(ATTEMPT).isReady()).isTrue();
        }
    }

    @Test
    void aHostNameThatCannotBeResolvedIsADefiniteFailure() {
        CheckOutcome outcome = check("no-such-host.invalid", 22).attempt(ATTEMPT);
        assertThat(outcome.status()).isEqualTo(CheckOutcome.Status.FAILED);
        assertThat(outcome.detail()).contains("no-such-host.invalid");
    }
}
