package io.antidote.tf.stack.host;

import io.antidote.tf.lesson.ConfigurationType;
import io.antidote.tf.lesson.Flavor;
import io.antidote.tf.live.LivePresentation;
import java.util.List;

/**
 * One endpoint as it runs on a lesson host: its container and how it is configured. {@code index} is its position in
 * lesson order (the jupyter guide last), which decides its addresses.
 *
 * @param imageSlug the curriculum image (empty for the jupyter guide, whose reference is given as is)
 * @param imageRef the image the container runs, {@code <imageOrg>/<slug>:<curriculumVersion>}
 * @param links its interfaces on connection networks, in connection order
 * @param configUser the image's configuration user (empty without configuration)
 */
public record EndpointSpec(String name, int index, String imageSlug, String imageRef, Flavor flavor,
        boolean enableForwarding, List<Integer> ports, List<LivePresentation> presentations, List<Link> links,
        ConfigurationType configurationType, String configurationFile, String configUser) {

    public EndpointSpec {
        ports = List.copyOf(ports);
        presentations = List.copyOf(presentations);
        links = List.copyOf(links);
    }

    /** The NAPALM driver of a configuration file named {@code <endpoint>-<driver>.txt} (empty for other types). */
    public String napalmDriver() {
        if (configurationType != ConfigurationType.NAPALM) {
            return "";
        }
        String base = configurationFile.endsWith(".txt")
                ? configurationFile.substring(0, configurationFile.length() - 4) : configurationFile;
        return base.substring(base.lastIndexOf('-') + 1);
    }

    /**
     * An interface of this endpoint on connection {@code connection}'s bridge.
     *
     * @param interfaceName its name inside the endpoint (the image's {@code networkInterfaces}, else {@code net<n>})
     * @param address the interface's address with the subnet's prefix length ({@code 10.0.0.2/24})
     */
    public record Link(int connection, String interfaceName, String address) {
    }
}
