package io.antidote.tf.standin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small curriculum whose images exercise every rule of a stand-in: {@code box} (an SSH user with a hostile password
 * and a different config user; lessons giving it ssh 22, http 8080 and 9090, TCP 830) and {@code rootbox} (root
 * logs in, an ssh presentation on 2222).
 */
final class StandinFixture {
    /** Every character a shell, a here-document or a Dockerfile would treat specially, and two commands. */
    static final String HOSTILE_PASSWORD = "pa'ss\"w $(touch /tmp/pwned) `touch /tmp/pwned2`;|&<>\\ #{x} ${HOME} end";
    static final String CONFIG_PASSWORD = "cfg-pass";
    static final String ROOT_PASSWORD = "r00t pass";

    private StandinFixture() {
    }

    /** Writes the curriculum into {@code dir} (created) and returns it. */
    static Path write(Path dir) throws IOException {
        write(dir, "curriculum.meta.yaml", """
                name: stand-in fixture
                description: images for the stand-in tests
                website: https://example.invalid
                aVer: 0.6.0
                gitRoot: https://example.invalid/curriculum
                """);
        write(dir, "images/box/image.meta.yaml", """
                slug: box
                description: a box with two users
                flavor: untrusted
                sshUser: antidote
                sshPassword: %s
                configUser: configurer
                configPassword: %s
                """.formatted(yamlQuoted(HOSTILE_PASSWORD), CONFIG_PASSWORD));
        write(dir, "images/rootbox/image.meta.yaml", """
                slug: rootbox
                description: root logs in
                flavor: trusted
                sshUser: root
                sshPassword: %s
                configUser: antidote
                configPassword: antidotepassword
                """.formatted(yamlQuoted(ROOT_PASSWORD)));
        lesson(dir, "probe", """
                - name: box1
                  image: box
                  configurationType: python
                  presentations:
                  - {name: cli, port: 22, type: ssh}
                  - {name: web, port: 8080, type: http}
                  additionalPorts: [830]
                - name: root1
                  image: rootbox
                  presentations:
                  - {name: cli, port: 2222, type: ssh}
                """);
        write(dir, "lessons/probe/stage0/configs/box1.py", "print('configured')\n");
        lesson(dir, "other", """
                - name: box2
                  image: box
                  presentations:
                  - {name: web, port: 9090, type: http}
                """);
        return dir;
    }

    private static void lesson(Path dir, String slug, String endpoints) throws IOException {
        write(dir, "lessons/" + slug + "/lesson.meta.yaml", """
                name: %s
                slug: %s
                category: fundamentals
                tier: local
                description: a lesson of the stand-in fixture
                shortDescription: %s
                endpoints:
                %s
                stages:
                - description: the only stage
                  guideType: markdown
                """.formatted(slug, slug, slug, endpoints.strip()));
        write(dir, "lessons/" + slug + "/stage0/guide.md", "# " + slug + "\n");
    }

    /** A YAML single-quoted scalar: only the single quote is special, written twice. */
    private static String yamlQuoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static void write(Path dir, String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
