package io.antidote.tf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.state.SqliteDataManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A world for the lifecycle commands: a curriculum written to a temp directory (lesson {@code lab}: endpoint
 * {@code web1}, image {@code utility}, python configuration, an HTTP presentation on a real listener on 127.0.0.1,
 * two stages), a configuration file for the {@code local} target, the state database, runs of the real entry point
 * in-process, and the closing check that nothing is left.
 */
final class CliLab implements AutoCloseable {
    static final String INSTANCE = "clitest";
    static final String CONFIG_PASSWORD = "Cfg-Secret-Pa55";
    final Path temp;
    final Path curriculum;
    final Path workDir;
    final Path db;
    private final ServerSocket listener;

    /** What one run of the command line gave. */
    record Run(int exit, String out, String err) {
        /** The non-empty lines of stderr. */
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    CliLab() throws IOException {
        temp = Files.createTempDirectory("antidote-tf-cli");
        curriculum = temp.resolve("curriculum");
        workDir = temp.resolve("work");
        db = temp.resolve("antidote-tf.db");
        listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                    s.getInetAddress();
                } catch (IOException e) {
                    return;
                }
            }
        }, "cli-lab-listener");
        acceptor.setDaemon(true);
        acceptor.start();
        writeCurriculum();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void writeCurriculum() throws IOException {
        write(curriculum.resolve("curriculum.meta.yaml"), """
                name: cli
                description: The lifecycle commands' tests
                website: https://example.org
                aVer: 0.6.0
                gitRoot: https://example.org/curriculum
                """);
        write(curriculum.resolve("images/utility/image.meta.yaml"), """
                slug: utility
                description: Utility image
                flavor: untrusted
                sshUser: antidote
                sshPassword: Ssh-Secret-Pa55
                configUser: antidote
                configPassword: %s
                """.formatted(CONFIG_PASSWORD));
        write(curriculum.resolve("lessons/lab/lesson.meta.yaml"), """
                name: Lab
                slug: lab
                category: fundamentals
                tier: prod
                description: A lab.
                shortDescription: Lab
                endpoints:
                - name: web1
                  image: utility
                  configurationType: python
                  presentations:
                  - name: web
                    port: %d
                    type: http
                stages:
                  - description: one
                    guideType: markdown
                  - description: two
                    guideType: markdown
                """.formatted(port()));
        write(curriculum.resolve("lessons/later/lesson.meta.yaml"), """
                name: Later
                slug: later
                category: fundamentals
                tier: local
                description: Only on local instances.
                shortDescription: Later
                endpoints:
                - name: web1
                  image: utility
                  presentations:
                  - name: web
                    port: %d
                    type: http
                stages:
                  - description: one
                    guideType: markdown
                """.formatted(port()));
        write(curriculum.resolve("lessons/later/stage0/guide.md"), "# later\n");
        for (int s = 0; s < 2; s++) {
            write(curriculum.resolve("lessons/lab/stage" + s + "/guide.md"), "# stage " + s + "\n");
            write(curriculum.resolve("lessons/lab/stage" + s + "/configs/web1.py"), "print('stage " + s + "')\n");
        }
    }

    /**
     * A configuration file for the local target, with {@code hooks} (image -> command) and extra top-level YAML
     * ({@code liveLessonTTL} is 600 minutes unless {@code extra} sets it: garbage collection of a running
     * {@code serve} must not take a livelesson a test still works with, however slow the machine).
     */
    Path config(Map<String, String> hooks, String extra) throws IOException {
        StringBuilder yaml = new StringBuilder("""
                instanceId: %s
                curriculumDir: curriculum
                %s
                backendConfigs:
                  terraform:
                    target: local
                    readinessTimeoutSeconds: 20
                    runner:
                      workDir: work
                      cancelGraceSeconds: 2
                      applyTimeoutSeconds: 120
                    local:
                      address: 127.0.0.1
                """.formatted(INSTANCE, (extra.contains("liveLessonTTL:") ? "" : "liveLessonTTL: 600\n") + extra));
        if (!hooks.isEmpty()) {
            yaml.append("      hooks:\n");
            hooks.forEach((image, command) -> yaml.append("        ").append(image).append(": \"").append(command)
                    .append("\"\n"));
        }
        Path file = temp.resolve("antidote-" + Integer.toHexString(yaml.toString().hashCode()) + ".yml");
        write(file, yaml.toString());
        return file;
    }

    Path config() throws IOException {
        return config(Map.of(), "");
    }

    /** Runs {@code antidote-tf args...} in-process through {@link Main#run(PrintWriter, PrintWriter, String...)}. */
    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** {@code command} with {@code --config FILE --db DB} and then {@code rest}. */
    String[] args(String command, Path config, String... rest) {
        List<String> all = new ArrayList<>(List.of(command, "--config", config.toString(), "--db", db.toString()));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    SqliteDataManager openDb() {
        return SqliteDataManager.open(db.toString());
    }

    Path stackDir(String id) {
        return workDir.resolve(INSTANCE).resolve(id);
    }

    /** No terraform process of this JVM, no stack directory; then everything is removed. */
    void assertNothingLeft() throws IOException {
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse("")).filter(c -> c.contains("terraform")).toList())
                .as("terraform processes left").isEmpty();
        Path stacks = workDir.resolve(INSTANCE);
        if (Files.isDirectory(stacks)) {
            try (Stream<Path> s = Files.list(stacks)) {
                assertThat(s.toList()).as("stack directories left").isEmpty();
            }
        }
    }

    /**
     * The processes (pid and command line) whose working directory is {@code dir} or below it: what a killed process
     * may have left running in a workspace (its children are not this JVM's descendants any more).
     */
    static List<String> processesUnder(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        List<String> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    if (Files.readSymbolicLink(p.resolve("cwd")).startsWith(root)) {
                        found.add(p.getFileName() + " " + Files.readString(p.resolve("cmdline")).replace('\0', ' ')
                                .strip());
                    }
                } catch (IOException | SecurityException e) {
                    // gone, or not ours
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return found;
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Override
    public void close() throws IOException {
        listener.close();
        try (Stream<Path> all = Files.walk(temp)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
