package io.antidote.tf.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real Docker engine for ITs. {@link #require()} skips the test when no engine answers (fails it with
 * {@code CI=true}); {@link #standins} builds the stand-in images of a curriculum with {@code bin/standin-images}
 * (docs/standin-images.md) once per JVM and set of names, which costs a few seconds when they are already built and
 * a few minutes on a fresh machine; {@link #docker} runs one docker command; {@link #privilegedOptions} says how
 * privileged a container this engine can run.
 */
public final class DockerEngine {
    /** A cold build: the base image (debootstrap) and every stand-in, on a loaded machine. */
    public static final Duration BUILD_TIMEOUT = Duration.ofMinutes(25);
    /** Exit code of bin/standin-images when the machine lacks what bin/setup provides. */
    static final int MISSING_PREREQUISITE = 3;
    private static final Pattern LINE = Pattern.compile("(built|unchanged) (\\S+).*");
    private static final Map<List<String>, Map<String, String>> BUILT = new HashMap<>();
    private static final Map<String, List<String>> PRIVILEGED = new HashMap<>();
    /** Linux capabilities by bit number (linux/capability.h), as docker names them. */
    private static final List<String> CAPABILITIES = List.of("CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER",
            "FSETID", "KILL", "SETGID", "SETUID", "SETPCAP", "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST",
            "NET_ADMIN", "NET_RAW", "IPC_LOCK", "IPC_OWNER", "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE",
            "SYS_PACCT", "SYS_ADMIN", "SYS_BOOT", "SYS_NICE", "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD",
            "LEASE", "AUDIT_WRITE", "AUDIT_CONTROL", "SETFCAP", "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG", "WAKE_ALARM",
            "BLOCK_SUSPEND", "AUDIT_READ", "PERFMON", "BPF", "CHECKPOINT_RESTORE");

    private DockerEngine() {
    }

    /** What a command printed and returned. */
    public record Result(List<String> command, int exit, String out, String err) {
        /** stdout, stripped, when the command exited 0; else an AssertionError naming the command and its stderr. */
        public String ok() {
            if (exit != 0) {
                throw new AssertionError(String.join(" ", command) + " exited " + exit + ": " + err.strip());
            }
            return out.strip();
        }
    }

    /** Skips the test (fails it in CI) unless docker is on PATH and the engine answers. */
    public static void require() {
        Requirements.tool("docker");
        Result info = docker(Duration.ofSeconds(30), "info", "--format", "{{.ServerVersion}}");
        Requirements.require(info.exit() == 0, "the Docker engine does not answer (bin/setup starts dockerd): "
                + info.err().strip());
    }

    /**
     * The stand-in images of {@code curriculum}, built if needed: each image name with {@code built} or
     * {@code unchanged} (the first call in this JVM for these names; later calls return the same map). Skips the test
     * (fails it in CI) when the machine lacks what bin/setup provides; fails it when a build fails.
     */
    public static synchronized Map<String, String> standins(Path curriculum, String imageOrg, String tag,
            String imageVersion) {
        List<String> key = List.of(curriculum.toAbsolutePath().normalize().toString(), imageOrg, tag, imageVersion);
        Map<String, String> built = BUILT.get(key);
        if (built == null) {
            built = buildStandins(curriculum, imageOrg, tag, imageVersion);
            BUILT.put(key, built);
        }
        return built;
    }

    /** Runs bin/standin-images now (never cached), as {@link #standins} does. */
    public static Map<String, String> buildStandins(Path curriculum, String imageOrg, String tag, String imageVersion) {
        require();
        Path script = Requirements.path(Path.of("bin", "standin-images").toAbsolutePath(), "bin/standin-images");
        Path jar = Requirements.path(Path.of("target", "antidote-tf.jar").toAbsolutePath(), "the packaged jar (mvn package)");
        List<String> command = List.of(script.toString(), curriculum.toAbsolutePath().toString(), "--image-org",
                imageOrg, "--tag", tag, "--image-version", imageVersion);
        Map<String, String> env = Map.of("ANTIDOTE_TF_JAR", jar.toString(),
                "JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Result run = run(command, env, BUILD_TIMEOUT);
        if (run.exit() == MISSING_PREREQUISITE) {
            Requirements.require(false, run.err().strip());
        }
        run.ok();
        Map<String, String> images = new LinkedHashMap<>();
        for (String line : run.out().lines().toList()) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                images.put(m.group(2), m.group(1));
            }
        }
        return images;
    }

    /**
     * The options that run a container of {@code image} as privileged as this engine can: {@code --privileged} where
     * the engine can start privileged containers; else every capability the engine itself has (an engine whose own
     * bounding set lacks one, as on the team's machines, cannot start any privileged container: runc "unable to
     * apply caps"), with seccomp and AppArmor unconfined. Each is tried once with a throwaway container; a test that
     * needs them fails in CI (skips elsewhere) when neither starts.
     */
    public static synchronized List<String> privilegedOptions(String image) {
        return PRIVILEGED.computeIfAbsent(image, i -> {
            List<String> privileged = List.of("--privileged");
            if (starts(i, privileged)) {
                return privileged;
            }
            List<String> allItHas = new ArrayList<>(List.of("--cap-add=ALL"));
            missingCapabilities().forEach(cap -> allItHas.add("--cap-drop=" + cap));
            allItHas.addAll(List.of("--security-opt", "seccomp=unconfined", "--security-opt", "apparmor=unconfined"));
            Requirements.require(starts(i, allItHas), "this Docker engine starts neither --privileged nor "
                    + String.join(" ", allItHas) + " containers");
            return List.copyOf(allItHas);
        });
    }

    private static boolean starts(String image, List<String> options) {
        List<String> args = new ArrayList<>(List.of("run", "--rm", "--network", "none"));
        args.addAll(options);
        args.addAll(List.of("--entrypoint", "/bin/true", image));
        return docker(Duration.ofSeconds(60), args.toArray(String[]::new)).exit() == 0;
    }

    /** The capabilities missing from dockerd's bounding set (this process's when dockerd's cannot be read). */
    static List<String> missingCapabilities() {
        long bounding = boundingSet(Path.of("/proc", pidOfDockerd(), "status"))
                .or(() -> boundingSet(Path.of("/proc/self/status"))).orElse(-1L);
        List<String> missing = new ArrayList<>();
        for (int bit = 0; bit < CAPABILITIES.size(); bit++) {
            if ((bounding & (1L << bit)) == 0) {
                missing.add(CAPABILITIES.get(bit));
            }
        }
        return missing;
    }

    private static String pidOfDockerd() {
        try {
            return Files.readString(Path.of("/var/run/docker.pid")).strip();
        } catch (IOException e) {
            return "self";
        }
    }

    private static java.util.Optional<Long> boundingSet(Path status) {
        try {
            return Files.readAllLines(status).stream().filter(l -> l.startsWith("CapBnd:"))
                    .map(l -> Long.parseUnsignedLong(l.substring("CapBnd:".length()).strip(), 16)).findFirst();
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** {@code docker args...}, at most {@code timeout}. */
    public static Result docker(Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        return run(command, Map.of(), timeout);
    }

    /**
     * Stops the Docker engine (SIGTERM to the dockerd of /var/run/docker.pid) and waits until it is gone: for fault
     * tests only, which must {@link #start()} it again. Containers of the engine stop with it.
     */
    public static void stop() {
        require();
        try {
            long pid = Long.parseLong(Files.readString(Path.of("/var/run/docker.pid")).strip());
            ProcessHandle dockerd = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no dockerd " + pid));
            dockerd.destroy();
            dockerd.onExit().get(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dockerd's pid file", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("dockerd did not stop within 60 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while stopping dockerd", e);
        }
    }

    /** Starts the Docker engine as bin/setup does, and waits until it answers. */
    public static void start() {
        run(List.of(Path.of("bin", "setup").toAbsolutePath().toString()), Map.of(), Duration.ofMinutes(3)).ok();
        require();
    }

    /** Force-removes every container carrying {@code label} ({@code key=value}); returns how many there were. */
    public static int removeContainers(String label) {
        String ids = docker(Duration.ofSeconds(30), "ps", "-aq", "--filter", "label=" + label).ok();
        List<String> all = ids.isEmpty() ? List.of() : List.of(ids.split("\\s+"));
        if (!all.isEmpty()) {
            List<String> rm = new ArrayList<>(List.of("rm", "-f"));
            rm.addAll(all);
            docker(Duration.ofSeconds(60), rm.toArray(String[]::new)).ok();
        }
        return all.size();
    }

    private static Result run(List<String> command, Map<String, String> env, Duration timeout) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("antidote-docker-", ".out");
            err = Files.createTempFile("antidote-docker-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ": "
                        + Files.readString(err).strip());
            }
            return new Result(command, process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + String.join(" ", command), e);
        } finally {
            delete(out);
            delete(err);
        }
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
