package io.antidote.tf.curriculum;

import io.antidote.tf.lesson.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a lesson's {@code connections}: both ends name endpoints of the lesson, and different ones; the subnet,
 * when given, is an IPv4 network (see {@link Cidr}); no two connections get the same network name.
 */
final class ConnectionReader {
    private static final Set<String> KNOWN = Set.of("a", "b", "subnet");

    private ConnectionReader() {
    }

    static List<Connection> read(List<Fields> entries, Set<String> endpointNames) {
        List<Connection> connections = new ArrayList<>();
        Map<String, String> networks = new HashMap<>();
        for (Fields f : entries) {
            f.allowOnly(KNOWN);
            String a = end(f, "a", endpointNames);
            String b = end(f, "b", endpointNames);
            if (a != null && a.equals(b)) {
                f.problem("b", "connects endpoint " + Values.quote(a) + " to itself");
            }
            String subnet = f.text("subnet");
            if (subnet != null) {
                Cidr.problem(subnet).ifPresent(reason -> f.problem("subnet", reason));
            }
            if (a != null && b != null) {
                Connection connection = new Connection(a, b, subnet);
                String earlier = networks.putIfAbsent(connection.networkName(), f.prefix());
                if (earlier != null) {
                    f.problem("b", "connects " + a + " to " + b + " again (as " + earlier + " does)");
                }
                connections.add(connection);
            }
        }
        return connections;
    }

    private static String end(Fields f, String key, Set<String> endpointNames) {
        String name = f.requiredText(key);
        if (name != null && !endpointNames.contains(name)) {
            f.problem(key, Values.quote(name) + " names no endpoint of this lesson");
        }
        return name;
    }
}
