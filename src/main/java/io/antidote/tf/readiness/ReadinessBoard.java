package io.antidote.tf.readiness;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one wait: the last outcome of every check, and which endpoints are healthy (every check of theirs
 * ready). A check that was ready once is not tried again. Used by the waiting thread only.
 */
final class ReadinessBoard {
    private final List<EndpointChecks> endpoints;
    private final Map<ReadinessCheck, Integer> endpointOf = new IdentityHashMap<>();
    private final Map<ReadinessCheck, CheckOutcome> last = new IdentityHashMap<>();
    private final boolean[] healthy;
    private int healthyCount;

    ReadinessBoard(List<EndpointChecks> endpoints) {
        this.endpoints = List.copyOf(endpoints);
        this.healthy = new boolean[endpoints.size()];
        for (int i = 0; i < endpoints.size(); i++) {
            for (ReadinessCheck check : endpoints.get(i).checks()) {
                endpointOf.put(check, i);
                last.put(check, CheckOutcome.notYet("not tried yet"));
            }
        }
    }

    int total() {
        return endpoints.size();
    }

    int healthy() {
        return healthyCount;
    }

    boolean allHealthy() {
        return healthyCount == endpoints.size();
    }

    int checkCount() {
        return last.size();
    }

    /** The checks not ready yet, endpoint by endpoint in order. */
    List<ReadinessCheck> pending() {
        List<ReadinessCheck> pending = new ArrayList<>();
        for (EndpointChecks e : endpoints) {
            for (ReadinessCheck check : e.checks()) {
                if (!last.get(check).isReady()) {
                    pending.add(check);
                }
            }
        }
        return pending;
    }

    /** Records an outcome; answers the endpoint's name when this outcome made it healthy, otherwise null. */
    String record(ReadinessCheck check, CheckOutcome outcome) {
        int index = endpointOf.get(check);
        last.put(check, outcome);
        if (healthy[index] || !outcome.isReady()) {
            return null;
        }
        for (ReadinessCheck c : endpoints.get(index).checks()) {
            if (!last.get(c).isReady()) {
                return null;
            }
        }
        healthy[index] = true;
        healthyCount++;
        return endpoints.get(index).endpoint();
    }

    /** Every check not ready, with its last outcome: definite failures first, then the rest in endpoint order. */
    List<NotReady> notReady() {
        List<NotReady> failed = new ArrayList<>();
        List<NotReady> waiting = new ArrayList<>();
        for (ReadinessCheck check : pending()) {
            CheckOutcome o = last.get(check);
            (o.status() == CheckOutcome.Status.FAILED ? failed : waiting)
                    .add(new NotReady(check.target(), o.status(), o.detail()));
        }
        failed.addAll(waiting);
        return failed;
    }
}
