package io.antidote.tf.curriculum;

import io.antidote.tf.lesson.ConfigurationType;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.Presentation;
import io.antidote.tf.lesson.PresentationType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a lesson's {@code endpoints}: names are unique DNS labels (not {@code jupyterlabguide}), the image has
 * metadata in the curriculum, ports are in 1..65535, and each endpoint has presentations or additional ports
 * whose presentation names are unique DNS labels.
 */
final class EndpointReader {
    private static final Set<String> KNOWN = Set.of("name", "image", "configurationType", "additionalPorts",
            "presentations");
    private static final Set<String> PRESENTATION = Set.of("name", "port", "type");

    private final Path root;
    private final Map<String, Image> images;

    /** {@code images}: the images that loaded, by slug; {@code root}: the curriculum directory. */
    EndpointReader(Path root, Map<String, Image> images) {
        this.root = root;
        this.images = images;
    }

    List<EndpointSpec> read(List<Fields> entries) {
        List<EndpointSpec> endpoints = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Fields f : entries) {
            f.allowOnly(KNOWN);
            String declared = f.requiredText("name");
            String name = f.follow("name", declared, Names.ENDPOINT, true);
            if (name != null) {
                if (name.equals(Names.RESERVED_ENDPOINT)) {
                    f.problem("name", "jupyterlabguide is reserved for the jupyter guide endpoint");
                }
                if (!seen.add(name)) {
                    f.problem("name", Values.quote(name) + " names another endpoint of this lesson too");
                }
            }
            String image = f.requiredText("image", Names.IMAGE);
            if (image != null) {
                checkImage(f, image);
            }
            ConfigurationType type = f.keyword("configurationType", ConfigurationType.class, ConfigurationType.NONE);
            List<Integer> ports = f.integers("additionalPorts");
            for (int i = 0; i < ports.size(); i++) {
                checkPort(f, "additionalPorts[" + i + "]", ports.get(i));
            }
            List<Fields> presentationEntries = f.objects("presentations");
            if (f.emptyList("presentations") && f.emptyList("additionalPorts")) {
                f.problem("presentations", "an endpoint needs presentations or additionalPorts (it has neither)");
            }
            endpoints.add(new EndpointSpec(f.prefix(), declared, name, image, type, ports,
                    presentations(presentationEntries)));
        }
        return endpoints;
    }

    private void checkImage(Fields f, String image) {
        if (images.containsKey(image)) {
            return;
        }
        Path meta = Path.of("images", image, ImageReader.FILE);
        f.problem("image", Files.exists(root.resolve(meta))
                ? "image " + Values.quote(image) + " did not load (see the problems of " + meta + ")"
                : "image " + Values.quote(image) + " has no metadata (" + meta + " does not exist)");
    }

    private static List<Presentation> presentations(List<Fields> entries) {
        List<Presentation> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Fields p : entries) {
            p.allowOnly(PRESENTATION);
            String name = p.requiredText("name", Names.PRESENTATION);
            if (name != null) {
                if (!seen.add(name)) {
                    p.problem("name", Values.quote(name) + " names another presentation of this endpoint too");
                }
            }
            Integer port = p.integer("port");
            if (port == null && !p.has("port")) {
                p.problem("port", "is required");
            }
            boolean portOk = port != null && checkPort(p, "port", port);
            PresentationType type = p.keyword("type", PresentationType.class, null);
            if (name != null && portOk && type != null) {
                result.add(new Presentation(name, port, type));
            }
        }
        return result;
    }

    private static boolean checkPort(Fields f, String key, int port) {
        if (port < 1 || port > 65535) {
            f.problem(key, "port " + port + " is not in 1..65535");
            return false;
        }
        return true;
    }
}
