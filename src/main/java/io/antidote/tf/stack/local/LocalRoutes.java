package io.antidote.tf.stack.local;

import io.antidote.tf.lesson.PresentationType;
import io.antidote.tf.live.LiveEndpoint;
import io.antidote.tf.live.LivePresentation;
import io.antidote.tf.stack.RoutingClaim;
import io.antidote.tf.stack.StackRequest;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The local target's {@code http_routes}: every HTTP presentation on listener 0, keeping the priority its own claim
 * holds, otherwise the lowest priority no other claim (and no earlier presentation) holds. So, as on AWS, priorities
 * are unique per listener and stable per livelesson whenever the claims are complete.
 */
final class LocalRoutes {
    private LocalRoutes() {
    }

    /** {@code <endpoint>/<presentation>} -> {@code 0:<priority>}, in lesson order. */
    static Map<String, String> assign(StackRequest request) {
        String self = request.stackName();
        Map<String, Integer> own = new LinkedHashMap<>();
        Set<Integer> taken = new HashSet<>();
        for (RoutingClaim c : request.routingClaims()) {
            if (c.listener() == 0 && c.uullid().equals(self)) {
                own.put(c.route(), c.priority());
            } else if (c.listener() == 0) {
                taken.add(c.priority());
            }
        }
        Map<String, Integer> chosen = new LinkedHashMap<>();
        for (String key : httpRoutes(request)) {
            Integer p = own.get(key);
            chosen.put(key, p != null && taken.add(p) ? p : null);
        }
        Map<String, String> routes = new LinkedHashMap<>();
        int next = 1;
        for (Map.Entry<String, Integer> e : chosen.entrySet()) {
            Integer p = e.getValue();
            if (p == null) {
                while (taken.contains(next)) {
                    next++;
                }
                p = next;
                taken.add(p);
            }
            routes.put(e.getKey(), "0:" + p);
        }
        return routes;
    }

    private static java.util.List<String> httpRoutes(StackRequest request) {
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (LiveEndpoint ep : request.liveLesson().liveEndpoints().values()) {
            for (LivePresentation p : ep.presentations()) {
                if (p.type() == PresentationType.HTTP) {
                    keys.add(ep.name() + "/" + p.name());
                }
            }
        }
        return keys;
    }
}
