package io.antidote.tf.readiness;

import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;

/**
 * The real checks: {@link TcpCheck} and {@link SshCheck}. Owns one SSH client, started on first use and shared by
 * every SSH check it makes; closing this stops it. The client trusts any host key (it proves only that SSH is
 * spoken), offers only password authentication, and reads nothing from {@code ~/.ssh}.
 */
public final class NetworkChecks implements CheckFactory, AutoCloseable {
    private SshClient client;

    @Override
    public ReadinessCheck tcp(CheckTarget target) {
        return new TcpCheck(target);
    }

    @Override
    public synchronized ReadinessCheck ssh(CheckTarget target, SshCredentials credentials) {
        if (client == null) {
            client = passwordOnlyClient();
        }
        return new SshCheck(target, credentials, client);
    }

    /**
     * A started SSH client that trusts any host key, offers only password authentication and reads nothing from
     * {@code ~/.ssh}; the caller stops it.
     */
    public static SshClient passwordOnlyClient() {
        SshClient c = SshClient.setUpDefaultClient();
        c.setServerKeyVerifier((session, remote, key) -> true);
        c.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        c.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        c.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
        c.start();
        return c;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            try {
                client.stop();
            } finally {
                client = null;
            }
        }
    }
}
