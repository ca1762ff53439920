package io.antidote.tf.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.config.RunnerConfig;
import io.opentracing.mock.MockTracer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the runner ITs share: a temporary work directory, a MockTracer, a listener that records every process group
 * and event, and the final check that nothing is left (no directory, no process in any group terraform led).
 */
final class RunnerFixture implements TerraformListener {
    final Path temp;
    final Path workDir;
    final MockTracer tracer = new MockTracer();
    final List<Long> groups = new CopyOnWriteArrayList<>();
    final List<TerraformEvent> events = new CopyOnWriteArrayList<>();
    final Map<Phase, Long> lastPid = new ConcurrentHashMap<>();
    volatile java.util.function.Consumer<TerraformEvent> onEvent = e -> { };

    RunnerFixture() throws IOException {
        temp = Files.createTempDirectory("antidote-tf-runner");
        workDir = temp.resolve("work");
    }

    static RunnerConfig config(String binary, Path workDir, int maxConcurrent, String pluginCache, int apply,
            int grace, int stall) {
        return new RunnerConfig(binary, workDir.toString(), maxConcurrent, null, pluginCache, List.of(), 120, 120,
                apply, apply, grace, stall, 24);
    }

    Terraform open(RunnerConfig config) {
        return Terraform.open(config, new StateBackend.Local(), tracer, this, List.of());
    }

    @Override
    public void started(Phase phase, Workspace workspace, long pid) {
        groups.add(pid);
        lastPid.put(phase, pid);
    }

    @Override
    public void event(Phase phase, Workspace workspace, TerraformEvent event) {
        events.add(event);
        onEvent.accept(event);
    }

    /** A fake terraform: answers {@code version -json} with {@code version}, runs {@code body} for anything else. */
    Path fakeBinary(String name, String version, String body) throws IOException {
        Path bin = temp.resolve("bin");
        Files.createDirectories(bin);
        Path script = bin.resolve(name);
        Files.writeString(script, "#!/bin/sh\n"
                + "if [ \"$1\" = version ]; then echo '{\"terraform_version\":\"" + version + "\",\"platform\":\"x\"}';"
                + " exit 0; fi\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    /** Asserts that no process is left in any group a terraform process led, then removes the temp directory. */
    void assertNothingLeft() throws IOException {
        List<Long> left = new ArrayList<>();
        for (long g : groups) {
            left.addAll(ProcessGroups.members(g));
        }
        assertThat(left).as("processes left in terraform's process groups").isEmpty();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse("")).filter(c -> c.contains("terraform")).toList())
                .as("terraform processes still children of this JVM").isEmpty();
        if (Files.isDirectory(workDir)) {
            try (var s = Files.list(workDir)) {
                assertThat(s.toList()).as("stack directories left behind").isEmpty();
            }
        }
        Workspaces.deleteTree(temp);
    }

    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
