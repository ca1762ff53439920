package io.antidote.tf.state;

import io.antidote.tf.live.LiveLesson;

/** Narrow-update rules shared by the stores, so they all behave alike. */
final class Updates {
    private Updates() {
    }

    /** {@code lesson} with endpoint {@code endpoint}'s host set; an endpoint the livelesson lacks is a StateException. */
    static LiveLesson endpointHost(LiveLesson lesson, String endpoint, String host) {
        if (!lesson.liveEndpoints().containsKey(endpoint)) {
            throw new StateException("livelesson " + lesson.id() + " has no endpoint " + endpoint
                    + " (it has " + lesson.liveEndpoints().keySet() + ")");
        }
        return lesson.withEndpointHost(endpoint, host);
    }
}
