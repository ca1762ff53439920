package io.antidote.tf.stack.docker;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/** A real SSH login with a password (Apache MINA sshd's client), running one command and returning its output. */
final class SshLogin {
    private SshLogin() {
    }

    static String run(String host, int port, String user, String password, String command) throws Exception {
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.start();
            try (ClientSession session = client.connect(user, host, port).verify(Duration.ofSeconds(15)).getSession()) {
                session.addPasswordIdentity(password);
                session.auth().verify(Duration.ofSeconds(15));
                try (ClientChannel channel = session.createExecChannel(command)) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    channel.setOut(out);
                    channel.setErr(out);
                    channel.open().verify(Duration.ofSeconds(15));
                    channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(30));
                    return out.toString(StandardCharsets.UTF_8);
                }
            }
        }
    }
}
