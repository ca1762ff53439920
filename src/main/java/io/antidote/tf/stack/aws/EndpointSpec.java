package io.antidote.tf.stack.aws;

import io.antidote.tf.lesson.ConfigurationType;
import io.antidote.tf.lesson.Flavor;
import io.antidote.tf.live.LivePresentation;
import java.util.List;

/**
 * One endpoint as it runs on the host: its container and how it is configured. {@code index} is its position in
 * lesson order; its address is the ENI's {@code private_ip_list[index + 1]}.
 *
 * @param imageSlug the curriculum image (empty for the jupyter guide, whose reference is given as is)
 * @param links its interfaces on connection networks, in connection order
 */
public record EndpointSpec(String name, int index, String imageSlug, String imageRef, Flavor flavor,
        boolean enableForwarding, List<Integer> ports, List<LivePresentation> presentations, List<Link> links,
        ConfigurationType configurationType, String configurationFile, String configUser) {

    public EndpointSpec {
        ports = List.copyOf(ports);
        presentations = List.copyOf(presentations);
        links = List.copyOf(links);
    }

    /**
     * An interface of this endpoint on connection {@code connection}'s bridge.
     *
     * @param address the interface's address with the subnet's prefix length ({@code 10.0.0.1/24})
     */
    public record Link(int connection, String interfaceName, String address) {
    }
}
