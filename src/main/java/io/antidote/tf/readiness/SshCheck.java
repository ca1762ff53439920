package io.antidote.tf.readiness;

import io.antidote.tf.tracing.Redactor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;

/**
 * Ready when the port speaks SSH: version exchange, key exchange, and an answer to a password authentication.
 * A server that refuses the credentials is ready (it got as far as judging them); a port that accepts TCP but stays
 * silent, sends something that is not SSH, or drops the connection before answering is not ready yet. Each step
 * (connect, exchange up to the authentication answer) gets the attempt's timeout.
 */
public final class SshCheck extends NetworkCheck {
    private final SshCredentials credentials;
    private final SshClient client;
    private final Redactor redactor;

    /** @param client a started client, shared by checks and owned by whoever created it */
    public SshCheck(CheckTarget target, SshCredentials credentials, SshClient client) {
        super(target);
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.client = Objects.requireNonNull(client, "client");
        this.redactor = Redactor.learn(List.of(credentials.password()));
    }

    @Override
    CheckOutcome attempt(InetSocketAddress address, Duration timeout) {
        long millis = Math.max(1, timeout.toMillis());
        ClientSession session = null;
        try {
            ConnectFuture connect = client.connect(credentials.user(), address);
            if (!connect.await(millis)) {
                connect.cancel();
                return CheckOutcome.notYet("no TCP connection within " + millis + " ms");
            }
            if (!connect.isConnected()) {
                return CheckOutcome.notYet("TCP connect: " + message(connect.getException()));
            }
            session = connect.getSession();
            session.addPasswordIdentity(credentials.password());
            AuthFuture auth = session.auth();
            if (!auth.await(millis)) {
                return CheckOutcome.notYet(session.getServerVersion() == null
                        ? "no SSH version exchange within " + millis + " ms"
                        : "no key exchange and authentication answer within " + millis + " ms");
            }
            return judge(auth, session);
        } catch (IOException | RuntimeException e) {
            return CheckOutcome.notYet("ssh: " + message(e));
        } finally {
            if (session != null) {
                session.close(true);
            }
        }
    }

    private CheckOutcome judge(AuthFuture auth, ClientSession session) {
        if (auth.isSuccess()) {
            return CheckOutcome.ready("SSH server " + session.getServerVersion() + " accepted the credentials");
        }
        Throwable cause = auth.getException();
        if (cause instanceof SshException ssh
                && ssh.getDisconnectCode() == SshConstants.SSH2_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE) {
            return CheckOutcome.ready("SSH server " + session.getServerVersion() + " refused the credentials");
        }
        return CheckOutcome.notYet("ssh: " + message(cause));
    }

    private String message(Throwable t) {
        if (t == null) {
            return "no reason given";
        }
        return redactor.redact(t.getClass().getSimpleName() + ": " + t.getMessage());
    }

    @Override
    public String toString() {
        return "SshCheck[" + target() + ", user=" + credentials.user() + "]";
    }
}
