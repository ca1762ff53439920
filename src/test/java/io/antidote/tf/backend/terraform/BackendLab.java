package io.antidote.tf.backend.terraform;

import io.antidote.tf.testing.Requirements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the backend ITs share: real listeners for the endpoints (one set per class), a fresh {@link BackendFixture}
 * per test over a lesson with {@link #readyDelay()} seconds of ready delay, and the check that each test leaves
 * nothing behind.
 */
abstract class BackendLab {
    static LabServers servers;
    BackendFixture fx;

    @BeforeAll
    static void servers() throws Exception {
        Requirements.tool("terraform");
        servers = new LabServers();
    }

    @AfterAll
    static void stop() throws Exception {
        if (servers != null) {
            servers.close();
        }
    }

    /** The lesson's readyDelay in seconds. */
    int readyDelay() {
        return 0;
    }

    @BeforeEach
    void setUp() throws Exception {
        fx = new BackendFixture(BackendFixture.lesson(servers.tcpPort(), servers.sshPort(), readyDelay()));
    }

    @AfterEach
    void nothingLeft() throws Exception {
        fx.assertNothingLeft();
    }
}
