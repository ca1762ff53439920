package io.antidote.tf.stack.docker;

import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.stack.EvidenceSection;
import io.antidote.tf.stack.FailureEvidence;
import io.antidote.tf.stack.host.HostNames;
import io.antidote.tf.terraform.ToolCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The docker target's evidence, read on this machine (the lesson host): the lesson host script's log
 * ({@code <hostDir>/livelessons/<uullid>/host.log}), each configuration log under {@code configure/}, and the last
 * lines of each endpoint's container log ({@code docker logs}).
 */
final class DockerEvidence implements FailureEvidence {
    static final int LOG_LINES = 60;
    private static final Duration DOCKER_TIMEOUT = Duration.ofSeconds(15);
    private final Path livelessons;

    /** @param livelessons {@code <hostDir>/livelessons} */
    DockerEvidence(Path livelessons) {
        this.livelessons = livelessons;
    }

    @Override
    public List<EvidenceSection> collect(LiveLesson live, Path workspace) {
        Path state = livelessons.resolve(live.uullid());
        List<EvidenceSection> sections = new ArrayList<>();
        sections.add(file("lesson host log " + state.resolve("host.log"), state.resolve("host.log")));
        Path configure = state.resolve("configure");
        if (Files.isDirectory(configure)) {
            try (Stream<Path> logs = Files.list(configure)) {
                logs.filter(p -> p.getFileName().toString().endsWith(".log")).sorted()
                        .forEach(p -> sections.add(file("configuration log " + p, p)));
            } catch (IOException e) {
                sections.add(new EvidenceSection("configuration logs " + configure, "(cannot be listed: "
                        + e.getMessage() + ")"));
            }
        }
        HostNames names = HostNames.of(live.uullid());
        for (String endpoint : live.liveEndpoints().keySet()) {
            String container = names.container(endpoint);
            ToolCommand.Result logs = ToolCommand.run(List.of("docker", "logs", "--tail", Integer.toString(LOG_LINES),
                    container), Path.of("/"), DOCKER_TIMEOUT, LOG_LINES + 5);
            sections.add(new EvidenceSection("container log of endpoint " + endpoint + " (docker logs " + container
                    + ")", logs.exitCode() == 0 ? (logs.lines().isEmpty() ? "(empty)" : logs.text())
                    : "(not available, exit " + logs.exitCode() + "): " + logs.text()));
        }
        return sections;
    }

    private static EvidenceSection file(String title, Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return new EvidenceSection(title, String.join("\n",
                    lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size())));
        } catch (NoSuchFileException e) {
            return new EvidenceSection(title, "(none)");
        } catch (IOException e) {
            return new EvidenceSection(title, "(cannot be read: " + e.getMessage() + ")");
        }
    }
}
