package io.antidote.tf.standin;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One stand-in image to build.
 *
 * @param reference the name the stack runs, {@code <org>/<repository>:<tag>}
 * @param source the curriculum image slug for an endpoint, else the platform image's name ({@code configurator},
 *        {@code jupyter})
 * @param users the logins (endpoint only), the SSH user first
 * @param sshPorts where sshd listens: 22 and every port of an {@code ssh} presentation
 * @param httpPorts where an HTTP server answers: every {@code http} presentation port not already an SSH port
 * @param tcpPorts where something accepts TCP: every {@code additionalPorts} port not already one of the above
 * @param lessons the slugs of the lessons whose endpoints use the image, in curriculum order
 */
public record StandinImage(
        StandinKind kind,
        String reference,
        String source,
        List<StandinUser> users,
        SortedSet<Integer> sshPorts,
        SortedSet<Integer> httpPorts,
        SortedSet<Integer> tcpPorts,
        List<String> lessons) {

    public StandinImage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(source, "source");
        users = List.copyOf(users);
        sshPorts = frozen(sshPorts);
        httpPorts = frozen(httpPorts);
        tcpPorts = frozen(tcpPorts);
        lessons = List.copyOf(lessons);
        for (SortedSet<Integer> ports : List.of(sshPorts, httpPorts, tcpPorts)) {
            for (int port : ports) {
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException(reference + ": port " + port + " is not in 1..65535");
                }
            }
        }
        if (overlap(sshPorts, httpPorts) || overlap(sshPorts, tcpPorts) || overlap(httpPorts, tcpPorts)) {
            throw new IllegalArgumentException(reference + ": a port has one role only (ssh " + sshPorts + ", http "
                    + httpPorts + ", tcp " + tcpPorts + ")");
        }
        if (!sshPorts.isEmpty() && users.isEmpty()) {
            throw new IllegalArgumentException(reference + ": sshd listens but nobody can log in");
        }
    }

    /** Whether root may log in over SSH (it is one of the users). */
    public boolean permitRootLogin() {
        return users.stream().anyMatch(StandinUser::root);
    }

    private static SortedSet<Integer> frozen(Set<Integer> ports) {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(ports));
    }

    private static boolean overlap(Set<Integer> a, Set<Integer> b) {
        return a.stream().anyMatch(b::contains);
    }
}
