package io.antidote.tf.scheduler.nats;

import io.antidote.tf.testing.Requirements;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A real nats-server on a free loopback port, for integration tests; its output goes to a file in {@code dir}. */
public final class NatsServer implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private NatsServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static NatsServer start(Path dir) throws IOException, InterruptedException {
        return start(dir, null);
    }

    /** A server that accepts only clients giving {@code token} ({@code nats://<token>@host:port}); none when null. */
    public static NatsServer start(Path dir, String token) throws IOException, InterruptedException {
        Path binary = Requirements.tool("nats-server");
        int port = freePort();
        Path log = dir.resolve("nats-server.log");
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(binary.toString(), "-a",
                "127.0.0.1", "-p", Integer.toString(port)));
        if (token != null) {
            command.addAll(java.util.List.of("--auth", token));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        NatsServer server = new NatsServer(process, port, log);
        server.awaitListening(Duration.ofSeconds(10));
        return server;
    }

    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    /** The URL with {@code token} as its user-info. */
    public String url(String token) {
        return "nats://" + token + "@127.0.0.1:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private void awaitListening(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nats-server exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IllegalStateException("nats-server not listening on " + port + " after " + timeout + ": " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
