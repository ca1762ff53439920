package io.antidote.tf.backend.terraform;

import io.antidote.tf.stack.RoutingClaim;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP listener priorities every livelesson of this instance holds, by UULLID, as read from their stacks'
 * {@code http_routes} outputs after each apply. Rebuilt from the stacks' outputs when orphans are pruned (at
 * startup). Every stack request gets all of them, so a new livelesson never takes a priority another one holds.
 */
final class RoutingRegistry {
    private final Map<String, List<RoutingClaim>> byStack = new ConcurrentHashMap<>();

    void put(String uullid, List<RoutingClaim> claims) {
        byStack.put(uullid, List.copyOf(claims));
    }

    void remove(String uullid) {
        byStack.remove(uullid);
    }

    /** Every claim held, sorted by livelesson, listener and priority. */
    List<RoutingClaim> all() {
        List<RoutingClaim> all = new ArrayList<>();
        byStack.values().forEach(all::addAll);
        all.sort(java.util.Comparator.comparing(RoutingClaim::uullid).thenComparingInt(RoutingClaim::listener)
                .thenComparingInt(RoutingClaim::priority));
        return all;
    }
}
