package io.antidote.tf.standin;

import com.fasterxml.jackson.databind.node.TextNode;
import io.antidote.tf.lesson.Curriculum;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.lesson.LessonEndpoint;
import io.antidote.tf.lesson.Presentation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The stand-ins of a loaded curriculum: for every image with metadata (used by a lesson or not), its users from the
 * metadata and its ports gathered over every endpoint of every lesson that uses it; then
 * {@code antidotelabs/configurator:<imageVersion>} and {@code antidotelabs/jupyter:<imageVersion>}, the names the
 * platform runs whatever the image organisation.
 */
public final class StandinSpecs {
    /** The organisation of the platform images (configurator, jupyter), fixed as in the reference. */
    public static final String PLATFORM_ORG = "antidotelabs";
    /** The port sshd always listens on: configurators and the napalm driver reach endpoints there. */
    public static final int SSH_PORT = 22;
    /** The jupyter guide's HTTP port. */
    public static final int JUPYTER_PORT = 8888;
    static final int SSH_UID = 1000;
    static final int CONFIG_UID = 1001;

    private StandinSpecs() {
    }

    /**
     * @param imageOrg the organisation of endpoint images ({@code imageOrg} of Antidote's configuration)
     * @param tag the tag of endpoint images ({@code curriculumVersion})
     * @param imageVersion the tag of the platform images ({@code BuildInfo.imageVersion})
     * @throws StandinException when an image's slug cannot name a Docker repository or a user cannot be a login
     */
    public static StandinSpec of(Curriculum curriculum, String imageOrg, String tag, String imageVersion) {
        List<StandinImage> images = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Image image : curriculum.images().values()) {
            images.add(endpoint(curriculum, image, reference(image.slug(), imageOrg, image.slug(), tag), warnings));
        }
        images.add(new StandinImage(StandinKind.CONFIGURATOR,
                reference("configurator", PLATFORM_ORG, "configurator", imageVersion), "configurator",
                List.of(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), List.of()));
        images.add(new StandinImage(StandinKind.JUPYTER, reference("jupyter", PLATFORM_ORG, "jupyter", imageVersion),
                "jupyter", List.of(), new TreeSet<>(), new TreeSet<>(List.of(JUPYTER_PORT)), new TreeSet<>(),
                List.of()));
        return new StandinSpec(images, warnings);
    }

    private static StandinImage endpoint(Curriculum curriculum, Image image, String reference, List<String> warnings) {
        Set<String> lessons = new LinkedHashSet<>();
        SortedSet<Integer> ssh = new TreeSet<>(List.of(SSH_PORT));
        SortedSet<Integer> http = new TreeSet<>();
        SortedSet<Integer> tcp = new TreeSet<>();
        for (Lesson lesson : curriculum.lessons().values()) {
            for (LessonEndpoint endpoint : lesson.endpoints()) {
                if (!endpoint.image().equals(image.slug())) {
                    continue;
                }
                lessons.add(lesson.slug());
                for (Presentation p : endpoint.presentations()) {
                    switch (p.type()) {
                        case SSH -> ssh.add(p.port());
                        case HTTP -> http.add(p.port());
                    }
                }
                tcp.addAll(endpoint.additionalPorts());
            }
        }
        for (int port : http) {
            if (ssh.contains(port)) {
                warnings.add("image " + image.slug() + ": port " + port + " is an http presentation and an SSH port; "
                        + "the stand-in serves SSH on it");
            }
        }
        http.removeAll(ssh);
        tcp.removeAll(ssh);
        tcp.removeAll(http);
        return new StandinImage(StandinKind.ENDPOINT, reference, image.slug(), users(image, warnings), ssh, http, tcp,
                List.copyOf(lessons));
    }

    /** The SSH user (uid 1000 unless root), then the config user when it is another (uid 1001 unless root). */
    private static List<StandinUser> users(Image image, List<String> warnings) {
        List<StandinUser> users = new ArrayList<>();
        users.add(user(image, "sshUser", image.sshUser(), image.sshPassword(), SSH_UID));
        if (image.configUser().equals(image.sshUser())) {
            if (!image.configPassword().equals(image.sshPassword())) {
                warnings.add("image " + image.slug() + ": configUser is sshUser with another password; the stand-in "
                        + "accepts sshPassword only");
            }
        } else {
            users.add(user(image, "configUser", image.configUser(), image.configPassword(), CONFIG_UID));
        }
        return users;
    }

    private static StandinUser user(Image image, String field, String name, String password, int uid) {
        try {
            return new StandinUser(name, password, name.equals("root") ? 0 : uid);
        } catch (IllegalArgumentException e) {
            throw new StandinException(image.slug(), field + " " + new TextNode(name) + ": "
                    + (StandinUser.LOGIN.accepts(name) ? "its password holds a NUL byte"
                            : "must be a login name (^[a-z_][a-z0-9_-]{0,31}$)"));
        }
    }

    private static String reference(String image, String org, String repository, String tag) {
        DockerNames.repositoryProblem(repository).ifPresent(p -> {
            throw new StandinException(image, "the name " + repository + " " + p);
        });
        try {
            return DockerNames.reference(org, repository, tag);
        } catch (IllegalArgumentException e) {
            throw new StandinException(image, e.getMessage());
        }
    }
}
