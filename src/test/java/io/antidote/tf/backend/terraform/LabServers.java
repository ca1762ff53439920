package io.antidote.tf.backend.terraform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * The "endpoints" of the local target's lessons: a plain TCP listener (an HTTP presentation's port) and an in-process
 * SSH server (MINA, refusing every password, which is enough for a real SSH exchange), both on 127.0.0.1.
 */
final class LabServers implements AutoCloseable {
    private final ServerSocket tcp;
    private final SshServer ssh;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    LabServers() throws IOException {
        tcp = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!tcp.isClosed()) {
                try {
                    Socket s = tcp.accept();
                    s.close();
                } catch (IOException e) {
                    return;
                }
            }
        }, "lab-tcp");
        acceptor.setDaemon(true);
        acceptor.start();
        ssh = SshServer.setUpDefaultServer();
        ssh.setHost("127.0.0.1");
        ssh.setPort(0);
        ssh.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
        ssh.setPasswordAuthenticator((user, password, session) -> false);
        ssh.start();
    }

    int tcpPort() {
        return tcp.getLocalPort();
    }

    int sshPort() {
        return ssh.getPort();
    }

    /** A port on 127.0.0.1 nothing listens on. */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        tcp.close();
        for (Socket s : accepted) {
            s.close();
        }
        ssh.stop(true);
    }
}
