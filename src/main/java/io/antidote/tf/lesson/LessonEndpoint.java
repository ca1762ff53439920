package io.antidote.tf.lesson;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An endpoint of a lesson: one running instance of an image.
 *
 * @param configurationFile the file in each stage's {@code configs/} that configures it ({@code vqfx1-junos.txt}),
 *        empty when {@code configurationType} is NONE
 * @param additionalPorts ports opened without a presentation (NETCONF 830, ...)
 */
public record LessonEndpoint(
        String name,
        String image,
        ConfigurationType configurationType,
        String configurationFile,
        List<Integer> additionalPorts,
        List<Presentation> presentations) {

    public LessonEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        configurationType = configurationType == null ? ConfigurationType.NONE : configurationType;
        configurationFile = configurationFile == null ? "" : configurationFile;
        additionalPorts = List.copyOf(additionalPorts == null ? List.of() : additionalPorts);
        presentations = List.copyOf(presentations == null ? List.of() : presentations);
    }

    /** Presentation ports then additional ports, each once, in that order. */
    public List<Integer> ports() {
        Set<Integer> ports = new LinkedHashSet<>();
        presentations.forEach(p -> ports.add(p.port()));
        ports.addAll(additionalPorts);
        return List.copyOf(ports);
    }

    public boolean configured() {
        return configurationType != ConfigurationType.NONE;
    }
}
