package io.antidote.tf.stack.aws;

import io.antidote.tf.stack.RoutingClaim;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the listener (shard) of a livelesson and the rule priority of each of its HTTP presentations, as pure
 * functions. A livelesson's shard is {@code H(uullid) mod listeners}; a presentation's priority starts at
 * {@code 1 + H(uullid/key) mod 50000} and probes upward (wrapping) past priorities claimed on that listener by other
 * livelessons or by this one's earlier presentations; a claim of this livelesson's own key is kept as is. The math
 * and its limits: docs/aws.md.
 */
public final class HttpRouting {
    public static final int MAX_PRIORITY = 50_000;

    private HttpRouting() {
    }

    /** A presentation to route, in lesson order. */
    public record Wanted(String endpoint, String presentation, String hostname, int port) {
        String key() {
            return endpoint + "/" + presentation;
        }
    }

    /** The routes of livelesson {@code uullid}, in the order of {@code wanted}. */
    public static List<HttpRoute> assign(String uullid, List<Wanted> wanted, int listeners, List<RoutingClaim> claims) {
        int listener = AwsNaming.pick(uullid, listeners);
        Map<String, RoutingClaim> own = new HashMap<>();
        Set<Integer> others = new HashSet<>();
        for (RoutingClaim c : claims) {
            if (c.uullid().equals(uullid)) {
                own.put(c.route(), c);
            } else if (c.listener() == listener) {
                others.add(c.priority());
            }
        }
        Set<String> keys = new HashSet<>();
        wanted.forEach(w -> keys.add(w.key()));
        own.values().removeIf(c -> c.listener() != listener || others.contains(c.priority()) || !keys.contains(c.route()));
        Set<Integer> used = new HashSet<>(others);
        own.values().forEach(c -> used.add(c.priority()));
        List<HttpRoute> routes = new ArrayList<>();
        for (Wanted w : wanted) {
            RoutingClaim mine = own.get(w.key());
            if (mine != null) {
                routes.add(new HttpRoute(w.endpoint(), w.presentation(), w.hostname(), w.port(), listener, mine.priority()));
                continue;
            }
            int p = start(uullid, w.key());
            for (int tries = 0; used.contains(p); tries++) {
                if (tries >= MAX_PRIORITY) {
                    throw new IllegalStateException("listener " + listener + " has no free rule priority left");
                }
                p = p % MAX_PRIORITY + 1;
            }
            used.add(p);
            routes.add(new HttpRoute(w.endpoint(), w.presentation(), w.hostname(), w.port(), listener, p));
        }
        return routes;
    }

    /** Where the probe for {@code key} of {@code uullid} starts: 1..50000. */
    public static int start(String uullid, String key) {
        return 1 + (int) (AwsNaming.hash(uullid + "/" + key) % MAX_PRIORITY);
    }
}
