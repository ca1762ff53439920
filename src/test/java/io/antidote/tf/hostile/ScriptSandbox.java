package io.antidote.tf.hostile;

import io.antidote.tf.sink.ShellWord;
import io.antidote.tf.testing.DockerEngine;
import io.antidote.tf.testing.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs generated host scripts for real with bash, as root, in a throwaway container on the Docker engine with no
 * network ({@code --network none}) and the host's directories mounted read-only. Every command that would touch a
 * host (docker, ip, iptables, nsenter, mount, aws, systemctl, sleep, ...) is a recorder: it appends its argv to the
 * step's call log and answers just enough for the script to go on (the engine's runtimes, a container's pid, a
 * running state). Everything else (bash, coreutils, tar, awk) is real, so a payload that became code leaves its
 * mark: after each step the {@link #CANARIES} are looked for, recorded and removed.
 */
public final class ScriptSandbox {
    /** Where payloads write when they are executed (globs): none may exist after a step. */
    public static final List<String> CANARIES = List.of("/tmp/hostile-*", "/tmp/pwned*", "/root/x", "/root/y");
    /** The commands recorded instead of run. */
    static final List<String> RECORDED = List.of("docker", "ip", "iptables", "iptables-restore", "iptables-save",
            "nsenter", "mount", "umount", "aws", "systemctl", "sudo", "jq", "curl", "wget", "sleep");
    private static final String SEP = "\u001f";
    private static final String END = "\u001e";

    private ScriptSandbox() {
    }

    /**
     * One step: {@code prepare} (the test's own shell text, run first) then {@code bash <bashArgs...>} with
     * {@code environment} exported (exact values, passed through files), stdin empty.
     */
    public record Step(String name, String prepare, List<String> bashArgs, Map<String, String> environment) {
        public Step {
            bashArgs = List.copyOf(bashArgs);
            environment = Map.copyOf(environment);
        }
    }

    /** How a step ended: bash's exit status, its output, every recorded call (argv), the canaries it left. */
    public record Outcome(Step step, int exit, String output, List<List<String>> calls, List<String> canaries) {
        /** The recorded calls of {@code command} (argv without the command's name). */
        public List<List<String>> callsOf(String command) {
            return calls.stream().filter(c -> c.get(0).equals(command)).map(c -> c.subList(1, c.size())).toList();
        }
    }

    /**
     * Runs {@code steps} one after the other in one fresh container (a failed step does not stop the next), with each
     * of {@code mounts} (directories of this machine) visible read-only at its own path.
     */
    public static List<Outcome> run(String image, List<Path> mounts, List<Step> steps) throws IOException {
        Path dir = Files.createTempDirectory("antidote-sandbox");
        try {
            Path recorder = dir.resolve("recorder");
            Files.writeString(recorder, recorderScript());
            Files.setPosixFilePermissions(recorder, PosixFilePermissions.fromString("rwxr-xr-x"));
            StringBuilder run = new StringBuilder("#!/bin/bash\nfor c in");
            RECORDED.forEach(c -> run.append(' ').append(c));
            run.append("; do ln -sf /sandbox/recorder /usr/local/sbin/$c; done\n");
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                Files.writeString(dir.resolve("prepare-" + i), step.prepare(), StandardCharsets.UTF_8);
                run.append("export ANTIDOTE_SANDBOX_CALLS=/sandbox/calls-").append(i).append('\n')
                        .append(": >\"$ANTIDOTE_SANDBOX_CALLS\"\n")
                        .append("bash /sandbox/prepare-").append(i).append(" </dev/null >/sandbox/out-").append(i)
                        .append(" 2>&1\n(\n");
                int f = 0;
                for (Map.Entry<String, String> e : step.environment().entrySet()) {
                    String file = "/sandbox/env-" + i + "-" + f++;
                    Files.writeString(dir.resolve(file.substring("/sandbox/".length())), e.getValue(),
                            StandardCharsets.UTF_8);
                    run.append("v=$(cat ").append(file).append("; printf x); export ").append(e.getKey())
                            .append("=\"${v%x}\"\n");
                }
                run.append("unset v\nexec bash");
                step.bashArgs().forEach(a -> run.append(' ').append(ShellWord.quote(a)));
                run.append(" </dev/null >>/sandbox/out-").append(i).append(" 2>&1\n)\n")
                        .append("echo $? >/sandbox/exit-").append(i).append('\n')
                        .append(": >/sandbox/canaries-").append(i).append("\nfor f in");
                CANARIES.forEach(c -> run.append(' ').append(c));
                run.append("; do if [ -e \"$f\" ]; then echo \"$f\" >>/sandbox/canaries-").append(i)
                        .append("; rm -rf \"$f\"; fi; done\n");
            }
            Files.writeString(dir.resolve("run.sh"), run.toString());
            List<String> args = new ArrayList<>(List.of("run", "--rm", "--network", "none", "-v", dir + ":/sandbox"));
            for (Path m : mounts) {
                args.addAll(List.of("-v", m + ":" + m + ":ro"));
            }
            args.addAll(List.of("--entrypoint", "bash", image, "/sandbox/run.sh"));
            DockerEngine.Result r = DockerEngine.docker(Duration.ofMinutes(20), args.toArray(String[]::new));
            if (r.exit() != 0) {
                throw new IllegalStateException("the sandbox did not run (exit " + r.exit() + "): " + r.out() + r.err());
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                outcomes.add(new Outcome(steps.get(i), Integer.parseInt(read(dir, "exit-" + i).strip()),
                        read(dir, "out-" + i), calls(read(dir, "calls-" + i)), read(dir, "canaries-" + i).lines()
                                .toList()));
            }
            return outcomes;
        } finally {
            TestFiles.deleteTree(dir);
        }
    }

    private static String read(Path dir, String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    private static List<List<String>> calls(String log) {
        List<List<String>> calls = new ArrayList<>();
        for (String call : log.split(END)) {
            if (!call.isEmpty()) {
                calls.add(List.of(call.split(SEP, -1)));
            }
        }
        return calls;
    }

    /** The recorder every recorded command is a link to. */
    private static String recorderScript() {
        return String.join("\n",
                "#!/bin/bash",
                "# records argv (fields separated by 0x1f, calls by 0x1e); answers what the host scripts ask",
                "name=${0##*/}",
                "{ printf '%s' \"$name\"; for a in \"$@\"; do printf '\\037%s' \"$a\"; done; printf '\\036'; } \\",
                "  >>\"$ANTIDOTE_SANDBOX_CALLS\"",
                "if [[ $name == iptables-restore || $name == docker && ${1:-} == import ]]; then cat >/dev/null; fi",
                "case \"$name $*\" in",
                "  'docker info'*) echo '{\"runc\":{\"path\":\"runc\"}}' ;;",
                "  'docker inspect -f {{.State.Pid}}'*) echo 4242 ;;",
                "  'docker inspect -f {{.State.Running}} {{.State.ExitCode}}'*) echo 'true 0' ;;",
                "  'docker network inspect'* | 'docker image inspect'* | 'nsenter -t 4242 -n ip link show'* \\",
                "    | 'iptables -w -n -L'* | 'iptables -w -C'* | 'iptables -w -D'*) exit 1 ;;",
                "  'ip route show'*) echo 'default via 10.0.0.1 dev eth0' ;;",
                "esac",
                "exit 0",
                "");
    }
}
