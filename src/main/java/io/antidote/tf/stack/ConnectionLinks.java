package io.antidote.tf.stack;

import io.antidote.tf.lesson.Connection;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.LessonEndpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each endpoint's interfaces on the lesson's connections, the same on every target: in connection order, named by the
 * endpoint's image ({@code networkInterfaces}, else {@code net<n>}), at the reference's addresses. Its CNI host-local
 * IPAM hands out {@code .2}, then {@code .3} of a connection's subnet in pod creation order, which is lesson order:
 * on each connection the endpoint that comes first in the livelesson gets {@code .2} and the other {@code .3},
 * whichever of the two is side a (a connection of an endpoint to itself: its first interface {@code .2}).
 */
public final class ConnectionLinks {
    /**
     * An interface of an endpoint.
     *
     * @param connection the connection's index in the lesson
     * @param interfaceName the image's name for the interface
     * @param address the interface's address with the subnet's prefix length ({@code 10.0.0.1/24})
     */
    public record Link(int connection, String interfaceName, String address) {
    }

    private ConnectionLinks() {
    }

    /** Endpoint name -> its links, for every endpoint on a connection. */
    public static Map<String, List<Link>> of(StackRequest request) {
        String stack = request.stackName();
        Map<String, List<Link>> links = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<Connection> connections = request.lesson().connections();
        List<String> order = List.copyOf(request.liveLesson().liveEndpoints().keySet());
        for (int c = 0; c < connections.size(); c++) {
            Connection conn = connections.get(c);
            String[] sides = {conn.a(), conn.b()};
            int[] host = position(order, conn.a(), conn, stack) <= position(order, conn.b(), conn, stack)
                    ? new int[] {2, 3} : new int[] {3, 2};
            for (int side = 0; side < 2; side++) {
                String ep = sides[side];
                LessonEndpoint lessonEp = request.lesson().endpoint(ep).orElseThrow(() -> new StackException(stack,
                        "connection " + conn.networkName() + " names endpoint " + ep + ", which the lesson does not have"));
                Image image = image(request, lessonEp);
                int n = seen.merge(ep, 1, Integer::sum) - 1;
                links.computeIfAbsent(ep, k -> new ArrayList<>()).add(new Link(c, image.interfaceName(n),
                        Subnets.hostAddress(stack, conn.subnet(), host[side])));
            }
        }
        return links;
    }

    private static int position(List<String> order, String endpoint, Connection conn, String stack) {
        int i = order.indexOf(endpoint);
        if (i < 0) {
            throw new StackException(stack, "connection " + conn.networkName() + " names endpoint " + endpoint
                    + ", which the livelesson does not have");
        }
        return i;
    }

    /** The image of {@code ep}; a {@link StackException} naming the livelesson when it has no metadata. */
    public static Image image(StackRequest request, LessonEndpoint ep) {
        Image image = request.images().get(ep.image());
        if (image == null) {
            throw new StackException(request.stackName(), "endpoint " + ep.name() + " uses image " + ep.image()
                    + ", which has no metadata");
        }
        return image;
    }
}
