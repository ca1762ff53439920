package io.antidote.tf.curriculum;

import io.antidote.tf.lesson.ConfigurationType;
import io.antidote.tf.lesson.LessonEndpoint;
import io.antidote.tf.lesson.Presentation;
import java.util.List;

/**
 * An endpoint as read from a lesson file, before its configuration file is found; {@code name} and {@code image}
 * are null when missing, wrongly typed or against their grammar, {@code declaredName} is the name as written (for
 * connections to name it without a second problem), {@code field} is its path ({@code endpoints[2]}).
 */
record EndpointSpec(String field, String declaredName, String name, String image, ConfigurationType configurationType,
        List<Integer> additionalPorts, List<Presentation> presentations) {

    LessonEndpoint toModel(String configurationFile) {
        return new LessonEndpoint(name, image, configurationType, configurationFile, additionalPorts, presentations);
    }
}
