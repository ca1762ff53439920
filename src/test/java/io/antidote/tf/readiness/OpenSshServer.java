package io.antidote.tf.readiness;

import io.antidote.tf.testing.Requirements;
import io.antidote.tf.testing.TestFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real OpenSSH server for tests, on 127.0.0.1 at a free port, with its own host key and configuration in a temp
 * directory (password authentication on, PAM off). Created stopped; {@link #start()} launches {@code sshd -D -e};
 * {@link #close()} stops it and deletes the directory.
 */
final class OpenSshServer implements AutoCloseable {
    private final Path sshd;
    private final Path dir;
    private final int port;
    private Process process;

    OpenSshServer() throws IOException, InterruptedException {
        this.sshd = Requirements.tool("/usr/sbin/sshd");
        Path keygen = Requirements.tool("ssh-keygen");
        Path privsep = Path.of("/run/sshd");
        if (!Files.isDirectory(privsep)) {
            try {
                Files.createDirectories(privsep);
            } catch (IOException e) {
                Requirements.require(false, "sshd needs " + privsep + " and it cannot be created: " + e.getMessage());
            }
        }
        this.dir = Files.createTempDirectory("antidote-sshd-");
        this.port = freePort();
        Path hostKey = dir.resolve("host_ed25519");
        run(keygen.toString(), "-q", "-t", "ed25519", "-N", "", "-f", hostKey.toString());
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "PidFile " + dir.resolve("sshd.pid"),
                "UsePAM no",
                "PasswordAuthentication yes",
                "KbdInteractiveAuthentication no",
                "StrictModes no",
                ""));
    }

    int port() {
        return port;
    }

    /** Starts sshd and waits until it accepts connections. */
    void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(sshd.toAbsolutePath().toString(), "-D", "-e", "-f",
                dir.resolve("sshd_config").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sshd.log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd exited with " + process.exitValue() + ": " + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("sshd did not listen on port " + port + ": " + log());
    }

    String log() throws IOException {
        Path log = dir.resolve("sshd.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws IOException {
        try {
            if (process != null) {
                // per-connection children outlive the listener for a moment: stop them too and wait them out
                List<ProcessHandle> children = process.descendants().toList();
                process.destroy();
                children.forEach(ProcessHandle::destroy);
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                for (ProcessHandle child : children) {
                    try {
                        child.onExit().get(10, TimeUnit.SECONDS);
                    } catch (ExecutionException | TimeoutException e) {
                        child.destroyForcibly();
                    }
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            TestFiles.deleteTree(dir);
        }
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    Path directory() {
        return dir;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }
}
