package io.antidote.tf.standin;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.readiness.CheckKind;
import io.antidote.tf.readiness.CheckOutcome;
import io.antidote.tf.readiness.CheckTarget;
import io.antidote.tf.readiness.NetworkChecks;
import io.antidote.tf.readiness.SshCredentials;
import io.antidote.tf.testing.DockerEngine;
import io.antidote.tf.testing.DockerEngine.Result;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;

/**
 * Containers and networks of one test class on the real engine, all labelled with the class's label and removed by
 * {@link #close()}; and the ways a test talks to a stand-in: a real SSH login (the project's SSH check, then a
 * command over an exec channel), HTTP, TCP. Every address is a loopback port or a container on a network this class
 * created.
 */
final class Containers implements AutoCloseable {
    static final Duration DOCKER = Duration.ofSeconds(60);
    static final Duration UP = Duration.ofSeconds(30);
    private final String label;
    private final List<String> networks = new ArrayList<>();
    private final SshClient ssh = NetworkChecks.passwordOnlyClient();
    private final NetworkChecks checks = new NetworkChecks();
    private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Containers(String label) {
        this.label = label;
    }

    /** A new bridge network (Docker picks a free private subnet); returns its name. */
    String network(String name) {
        String full = name + "-" + ProcessHandle.current().pid();
        DockerEngine.docker(DOCKER, "network", "create", "--label", label, full).ok();
        networks.add(full);
        return full;
    }

    /** {@code docker run -d --label <label> args...}; returns the container ID. */
    String run(String... args) {
        return docker(with(List.of("run", "-d", "--label", label), args));
    }

    /** {@code docker create --label <label> args...}; returns the container ID. */
    String create(String... args) {
        return docker(with(List.of("create", "--label", label), args));
    }

    private static String[] with(List<String> first, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    static String docker(String... args) {
        return DockerEngine.docker(DOCKER, args).ok();
    }

    /** The container's address on {@code network}. */
    static String address(String container, String network) {
        String ip = docker("inspect", "-f", "{{ (index .NetworkSettings.Networks \"" + network + "\").IPAddress }}",
                container);
        assertThat(ip).as("address of " + container + " on " + network).matches("[0-9.]+");
        return ip;
    }

    /** The loopback port Docker published for the container's TCP {@code port}. */
    static int published(String container, int port) {
        String mapping = docker("port", container, port + "/tcp").lines().findFirst().orElseThrow();
        assertThat(mapping).startsWith("127.0.0.1:");
        return Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1));
    }

    /** Waits until the stand-in logged that its servers listen (or fails with its log when it exits). */
    static void awaitUp(String container) {
        await("stand-in " + container + " up", () -> {
            Result logs = DockerEngine.docker(DOCKER, "logs", container);
            if (!docker("inspect", "-f", "{{.State.Running}}", container).equals("true")) {
                throw new AssertionError("container exited: " + logs.out() + logs.err());
            }
            return (logs.out() + logs.err()).contains(" up: ssh ");
        });
    }

    /**
     * The project's SSH readiness check against {@code host:port} with these credentials, repeated until sshd
     * answers: {@code true} when it accepted them, {@code false} when it refused.
     */
    boolean sshAccepts(String host, int port, String user, String password) {
        CheckTarget target = new CheckTarget("standin", CheckKind.SSH, host, port);
        CheckOutcome[] last = new CheckOutcome[1];
        await("an SSH answer from " + host + ":" + port, () -> {
            last[0] = checks.ssh(target, new SshCredentials(user, password)).attempt(Duration.ofSeconds(10));
            return last[0].isReady();
        });
        assertThat(last[0].detail()).matches(".*(accepted|refused) the credentials");
        return last[0].detail().endsWith("accepted the credentials");
    }

    /** Logs in with a password over SSH and runs {@code command}; returns its stdout (fails on a non-zero exit). */
    String sshExec(String host, int port, String user, String password, String command) throws IOException {
        try (ClientSession session = ssh.connect(user, host, port).verify(Duration.ofSeconds(15)).getSession()) {
            session.addPasswordIdentity(password);
            session.auth().verify(Duration.ofSeconds(15));
            return session.executeRemoteCommand(command);
        }
    }

    /** GET http://host:port/ once the server answers; returns status and body. */
    HttpResponse<String> get(String host, int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/"))
                .timeout(Duration.ofSeconds(10)).build();
        @SuppressWarnings("unchecked")
        HttpResponse<String>[] response = new HttpResponse[1];
        await("HTTP from " + host + ":" + port, () -> {
            try {
                response[0] = http.send(request, HttpResponse.BodyHandlers.ofString());
                return true;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        });
        return response[0];
    }

    static void await(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + UP.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + " within " + UP);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Removes every container of the label, then the networks; stops the SSH clients. */
    @Override
    public void close() {
        try {
            DockerEngine.removeContainers(label);
            for (String network : networks) {
                DockerEngine.docker(DOCKER, "network", "rm", network).ok();
            }
        } finally {
            ssh.stop();
            checks.close();
        }
    }
}
