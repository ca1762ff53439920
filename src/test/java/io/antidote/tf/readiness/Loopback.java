package io.antidote.tf.readiness;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A listener on 127.0.0.1 that accepts connections and then either stays silent or sends a line of garbage and
 * keeps the connection open. Closing it closes every connection it accepted.
 */
final class Loopback implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private Loopback(String greeting) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    accepted.add(s);
                    if (greeting != null) {
                        OutputStream out = s.getOutputStream();
                        out.write(greeting.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }, "loopback-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static Loopback silent() throws IOException {
        return new Loopback(null);
    }

    static Loopback garbage() throws IOException {
        return new Loopback("HTTP/1.1 400 Bad Request\r\nthis is not ssh at all\r\n\r\n");
    }

    int port() {
        return server.getLocalPort();
    }

    int acceptedCount() {
        return accepted.size();
    }

    /** A port on 127.0.0.1 nothing listens on (bound and released at once). */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : accepted) {
            s.close();
        }
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
