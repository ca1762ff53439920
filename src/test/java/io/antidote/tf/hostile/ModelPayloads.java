package io.antidote.tf.hostile;

import io.antidote.tf.hostile.HostileScriptsIT.ModelField;
import io.antidote.tf.lesson.Connection;
import io.antidote.tf.lesson.Curriculum;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.lesson.LessonEndpoint;
import io.antidote.tf.lesson.Presentation;
import io.antidote.tf.testing.TestFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base curriculum's model with one payload set straight into one field: what a curriculum would be if validation
 * let everything through. Only the test builds these; the loader never would.
 */
final class ModelPayloads {
    private ModelPayloads() {
    }

    /** {@code curriculum} (loaded from the base) with {@code text} in {@code field} of its lesson or image. */
    static Curriculum set(Curriculum curriculum, ModelField field, String text) {
        Lesson l = curriculum.lesson(HostileCurriculum.LESSON).orElseThrow();
        Image i = curriculum.image(HostileCurriculum.IMAGE).orElseThrow();
        String imageSlug = i.slug();
        List<LessonEndpoint> endpoints = new ArrayList<>(l.endpoints());
        List<Connection> connections = new ArrayList<>(l.connections());
        String slug = l.slug();
        String name = l.name();
        Path directory = l.directory();
        List<String> tags = l.tags();
        switch (field) {
            case IMAGE_INTERFACE -> i = image(i, i.slug(), List.of(text, i.networkInterfaces().get(1)), i.sshUser(),
                    i.configUser());
            case IMAGE_SLUG -> {
                imageSlug = text;
                i = image(i, text, i.networkInterfaces(), i.sshUser(), i.configUser());
                endpoints.replaceAll(e -> new LessonEndpoint(e.name(), text, e.configurationType(),
                        e.configurationFile(), e.additionalPorts(), e.presentations()));
            }
            case CONFIG_USER -> i = image(i, i.slug(), i.networkInterfaces(), i.sshUser(), text);
            case SSH_USER -> i = image(i, i.slug(), i.networkInterfaces(), text, i.configUser());
            case ENDPOINT_NAME -> {
                LessonEndpoint e = endpoints.get(0);
                endpoints.set(0, new LessonEndpoint(text, e.image(), e.configurationType(), e.configurationFile(),
                        e.additionalPorts(), e.presentations()));
                connections.replaceAll(c -> new Connection(c.a().equals(e.name()) ? text : c.a(),
                        c.b().equals(e.name()) ? text : c.b(), c.subnet()));
            }
            case CONFIGURATION_FILE -> {
                LessonEndpoint e = endpoints.get(0);
                endpoints.set(0, new LessonEndpoint(e.name(), e.image(), e.configurationType(), text,
                        e.additionalPorts(), e.presentations()));
            }
            case PRESENTATION_NAME -> {
                LessonEndpoint e = endpoints.get(0);
                List<Presentation> ps = new ArrayList<>(e.presentations());
                Presentation p = ps.get(0);
                ps.set(0, new Presentation(text, p.port(), p.type()));
                endpoints.set(0, new LessonEndpoint(e.name(), e.image(), e.configurationType(), e.configurationFile(),
                        e.additionalPorts(), ps));
            }
            case LESSON_SLUG -> slug = text;
            case LESSON_NAME -> name = text;
            case LESSON_DIRECTORY -> {
                directory = Path.of("lessons", text);
                TestFiles.copyTree(curriculum.root().resolve(l.directory()), curriculum.root().resolve(directory));
            }
            case TAG -> tags = List.of(text);
        }
        Lesson lesson = new Lesson(slug, name, l.category(), l.tier(), l.collection(), l.description(),
                l.shortDescription(), l.prereqs(), tags, l.stages(), endpoints, connections, l.authors(),
                l.readyDelay(), l.diagram(), l.video(), directory);
        Map<String, Image> images = new LinkedHashMap<>(curriculum.images());
        images.remove(HostileCurriculum.IMAGE);
        images.put(imageSlug, i);
        Map<String, Lesson> lessons = new LinkedHashMap<>(curriculum.lessons());
        lessons.put(HostileCurriculum.LESSON, lesson);
        return new Curriculum(curriculum.root(), curriculum.info(), lessons, images, curriculum.collections());
    }

    private static Image image(Image i, String slug, List<String> interfaces, String sshUser, String configUser) {
        return new Image(slug, i.description(), i.flavor(), i.enableForwarding(), interfaces, sshUser,
                i.sshPassword(), configUser, i.configPassword());
    }
}
