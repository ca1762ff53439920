package io.antidote.tf.stack.host;

import io.antidote.tf.lesson.ConfigurationType;
import io.antidote.tf.lesson.Flavor;
import io.antidote.tf.live.LivePresentation;
import io.antidote.tf.stack.Configurator;
import io.antidote.tf.stack.ConnectionLinks;
import java.util.List;

/**
 * One endpoint as it runs on a lesson host: its container and how it is configured. {@code index} is its position in
 * lesson order (the jupyter guide last), which decides its addresses.
 *
 * @param imageSlug the curriculum image (empty for the jupyter guide, whose reference is given as is)
 * @param imageRef the image the container runs, {@code <imageOrg>/<slug>:<curriculumVersion>}
 * @param links its interfaces on connection networks, in connection order ({@link ConnectionLinks})
 * @param configUser the image's configuration user (empty without configuration)
 */
public record EndpointSpec(String name, int index, String imageSlug, String imageRef, Flavor flavor,
        boolean enableForwarding, List<Integer> ports, List<LivePresentation> presentations, List<ConnectionLinks.Link> links,
        ConfigurationType configurationType, String configurationFile, String configUser) {

    public EndpointSpec {
        ports = List.copyOf(ports);
        presentations = List.copyOf(presentations);
        links = List.copyOf(links);
    }

    /** The NAPALM driver of the configuration file (empty for other types). */
    public String napalmDriver() {
        return configurationType == ConfigurationType.NAPALM ? Configurator.napalmDriver(configurationFile) : "";
    }
}
