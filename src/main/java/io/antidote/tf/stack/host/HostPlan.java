package io.antidote.tf.stack.host;

import io.antidote.tf.lesson.Connection;
import io.antidote.tf.lesson.Flavor;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.live.LiveEndpoint;
import io.antidote.tf.live.LiveLessonFactory;
import io.antidote.tf.stack.ConnectionLinks;
import io.antidote.tf.stack.StackException;
import io.antidote.tf.stack.StackRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What runs on a livelesson's lesson host, computed without jsii: the endpoints in lesson order (the jupyter guide
 * last, as the livelesson lists it), their image references, flavors, ports and connection interfaces
 * ({@link ConnectionLinks}: the reference's names and addresses).
 */
public record HostPlan(List<EndpointSpec> endpoints, List<Connection> connections) {

    public HostPlan {
        endpoints = List.copyOf(endpoints);
        connections = List.copyOf(connections);
    }

    /** Whether the host must be able to run VMs (any endpoint's image is {@code trusted}). */
    public boolean trusted() {
        return endpoints.stream().anyMatch(e -> e.flavor() == Flavor.TRUSTED);
    }

    public static HostPlan of(StackRequest request, String imageOrg, String curriculumVersion) {
        String stack = request.stackName();
        Map<String, List<ConnectionLinks.Link>> links = ConnectionLinks.of(request);
        List<EndpointSpec> specs = new ArrayList<>();
        int index = 0;
        for (LiveEndpoint live : request.liveLesson().liveEndpoints().values()) {
            var lessonEp = request.lesson().endpoint(live.name());
            if (lessonEp.isEmpty()) {
                if (!live.name().equals(LiveLessonFactory.JUPYTER_ENDPOINT)) {
                    throw new StackException(stack, "live endpoint " + live.name() + " is not in lesson " + request.lesson().slug());
                }
                specs.add(new EndpointSpec(live.name(), index++, "", live.image(), Flavor.UNTRUSTED, false, live.ports(),
                        live.presentations(), List.of(), live.configurationType(), "", ""));
                continue;
            }
            Image image = ConnectionLinks.image(request, lessonEp.get());
            if (live.ports().isEmpty()) {
                throw new StackException(stack, "endpoint " + live.name() + " has no port (it needs a presentation or additionalPorts)");
            }
            specs.add(new EndpointSpec(live.name(), index++, image.slug(),
                    imageOrg + "/" + image.slug() + ":" + curriculumVersion, image.flavor(), image.enableForwarding(),
                    live.ports(), live.presentations(), links.getOrDefault(live.name(), List.of()),
                    live.configurationType(), live.configurationFile(), image.configUser()));
        }
        return new HostPlan(specs, request.lesson().connections());
    }
}
