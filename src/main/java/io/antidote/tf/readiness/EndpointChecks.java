package io.antidote.tf.readiness;

import io.antidote.tf.lesson.PresentationType;
import io.antidote.tf.live.LiveEndpoint;
import io.antidote.tf.live.LivePresentation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The checks that must all pass for one endpoint to count as healthy: an SSH check for every port with an SSH
 * presentation, a TCP check for every other port (its own ports and its presentations' ports). An endpoint with no
 * host or no ports gets a single check that fails at once.
 */
public record EndpointChecks(String endpoint, List<ReadinessCheck> checks) {

    public EndpointChecks {
        Objects.requireNonNull(endpoint, "endpoint");
        checks = List.copyOf(checks);
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("endpoint " + endpoint + " has no checks");
        }
    }

    /** Plans the checks of {@code endpoint} with {@code factory}. */
    public static EndpointChecks plan(LiveEndpoint endpoint, CheckFactory factory) {
        String name = endpoint.name();
        if (endpoint.host().isBlank()) {
            return new EndpointChecks(name, List.of(new DefinitionProblem(name, "endpoint has no host address")));
        }
        Set<Integer> ports = new LinkedHashSet<>(endpoint.ports());
        Set<Integer> sshPorts = new LinkedHashSet<>();
        for (LivePresentation p : endpoint.presentations()) {
            ports.add(p.port());
            if (p.type() == PresentationType.SSH) {
                sshPorts.add(p.port());
            }
        }
        if (ports.isEmpty()) {
            return new EndpointChecks(name, List.of(new DefinitionProblem(name, "endpoint has no ports")));
        }
        List<ReadinessCheck> checks = new ArrayList<>();
        for (int port : ports) {
            if (port < 1 || port > 65535) {
                return new EndpointChecks(name, List.of(new DefinitionProblem(name, "endpoint has invalid port " + port)));
            }
            checks.add(sshPorts.contains(port)
                    ? factory.ssh(new CheckTarget(name, CheckKind.SSH, endpoint.host(), port),
                            SshCredentials.orMadeUp(endpoint.sshUser(), endpoint.sshPassword()))
                    : factory.tcp(new CheckTarget(name, CheckKind.TCP, endpoint.host(), port)));
        }
        return new EndpointChecks(name, checks);
    }
}
