package io.antidote.tf.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antidote.tf.AntidoteException;
import io.antidote.tf.curriculum.CurriculumLoader;
import io.antidote.tf.lesson.ConfigurationType;
import io.antidote.tf.lesson.LessonEndpoint;
import io.antidote.tf.lesson.Presentation;
import io.antidote.tf.lesson.PresentationType;
import io.antidote.tf.standin.BuildContexts.BuildContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build contexts: curriculum strings only in users.json, a hash that follows every byte, the summary JSON. */
class BuildContextsTest {

    private static StandinSpec fixtureSpec(Path dir) throws IOException {
        return StandinSpecs.of(CurriculumLoader.load(StandinFixture.write(dir)).curriculum(), "acme", "v1", "v2");
    }

    @Test
    void oneContextPerImageInOrderWithItsNameKindSourceAndHash(@TempDir Path tmp) throws IOException {
        List<BuildContext> contexts = BuildContexts.write(fixtureSpec(tmp.resolve("c")), tmp.resolve("out"));
        assertThat(contexts).extracting(c -> c.dir().getFileName().toString())
                .containsExactly("00-box", "01-rootbox", "02-configurator", "03-jupyter");
        for (BuildContext c : contexts) {
            assertThat(Files.readString(c.dir().resolve("image"))).isEqualTo(c.image().reference() + "\n");
            assertThat(Files.readString(c.dir().resolve("kind"))).isEqualTo(c.image().kind().id() + "\n");
            assertThat(Files.readString(c.dir().resolve("source"))).isEqualTo(c.image().source() + "\n");
            assertThat(Files.readString(c.dir().resolve("hash"))).isEqualTo(c.hash() + "\n").matches("[0-9a-f]{64}\n");
            assertThat(c.dir().resolve("context/Dockerfile")).isRegularFile();
        }
        Path configurator = contexts.get(2).dir().resolve("context/rootfs");
        for (String recorder : List.of("usr/local/bin/antidote-configurator", "usr/local/bin/python",
                "usr/local/bin/ansible-playbook", "configure.py")) {
            assertThat(configurator.resolve(recorder)).isExecutable();
        }
    }

    @Test
    void curriculumStringsAreOnlyInUsersJsonWhichIsPrivateAndHoldsThemExactly(@TempDir Path tmp) throws IOException {
        List<BuildContext> contexts = BuildContexts.write(fixtureSpec(tmp.resolve("c")), tmp.resolve("out"));
        Path box = contexts.get(0).dir().resolve("context");
        Path json = box.resolve("standin/users.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(json))).isEqualTo("rw-------");
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var users = mapper.readTree(json.toFile());
        assertThat(users.at("/users/0/password").asText()).isEqualTo(StandinFixture.HOSTILE_PASSWORD);
        assertThat(users.at("/users/1/name").asText()).isEqualTo("configurer");
        assertThat(users.at("/sshPorts").toString()).isEqualTo("[22]");
        var serve = mapper.readTree(box.resolve("image/serve.json").toFile());
        assertThat(serve.at("/image").asText()).isEqualTo("acme/box:v1");
        assertThat(serve.at("/httpPorts").toString()).isEqualTo("[8080,9090]");
        assertThat(serve.at("/tcpPorts").toString()).isEqualTo("[830]");
        try (Stream<Path> files = Files.walk(tmp.resolve("out"))) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.equals(json)).toList()) {
                assertThat(Files.readString(file)).as(file.toString())
                        .doesNotContain(StandinFixture.HOSTILE_PASSWORD, StandinFixture.CONFIG_PASSWORD, "configurer");
            }
        }
    }

    @Test
    void imagesWithTheSameLoginsAndSshPortsHaveTheSameUsersJsonSoTheyShareBuildLayers(@TempDir Path tmp)
            throws IOException {
        var images = List.of(StandinSpecsTest.image("one", "antidote", "pw", "antidote", "pw"),
                StandinSpecsTest.image("two", "antidote", "pw", "antidote", "pw"));
        List<BuildContext> contexts = BuildContexts.write(StandinSpecs.of(StandinSpecsTest.curriculum(images,
                List.of()), "antidotelabs", "latest", "latest"), tmp.resolve("out"));
        Path first = contexts.get(0).dir().resolve("context");
        Path second = contexts.get(1).dir().resolve("context");
        assertThat(first.resolve("standin/users.json")).hasSameTextualContentAs(second.resolve("standin/users.json"));
        assertThat(Files.readString(first.resolve("image/serve.json")))
                .isNotEqualTo(Files.readString(second.resolve("image/serve.json")));
        assertThat(contexts.get(0).hash()).isNotEqualTo(contexts.get(1).hash());
    }

    @Test
    void theHashIsTheSameForTheSameSpecAndChangesWithAPort(@TempDir Path tmp) throws IOException {
        StandinSpec spec = fixtureSpec(tmp.resolve("c"));
        List<BuildContext> first = BuildContexts.write(spec, tmp.resolve("one"));
        List<BuildContext> second = BuildContexts.write(spec, tmp.resolve("two"));
        assertThat(second).extracting(BuildContext::hash).isEqualTo(first.stream().map(BuildContext::hash).toList());
        assertThat(first).extracting(BuildContext::hash).doesNotHaveDuplicates();

        var odd = new LessonEndpoint("odd1", "odd", ConfigurationType.NONE, "", List.of(),
                List.of(new Presentation("web", 8080, PresentationType.HTTP)));
        var images = List.of(StandinSpecsTest.image("odd", "antidote", "pw", "antidote", "pw"));
        StandinSpec with8080 = StandinSpecs.of(StandinSpecsTest.curriculum(images,
                List.of(StandinSpecsTest.lesson("one", odd))), "antidotelabs", "latest", "latest");
        StandinSpec without = StandinSpecs.of(StandinSpecsTest.curriculum(images, List.of()), "antidotelabs",
                "latest", "latest");
        String a = BuildContexts.write(with8080, tmp.resolve("a")).get(0).hash();
        String b = BuildContexts.write(without, tmp.resolve("b")).get(0).hash();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aDirectoryThatIsNotEmptyIsRefused(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("something"), "x");
        StandinSpec spec = fixtureSpec(tmp.resolve("c"));
        assertThatThrownBy(() -> BuildContexts.write(spec, tmp)).isInstanceOf(AntidoteException.class)
                .hasMessageContaining("must be empty or absent");
    }

    @Test
    void theSummaryHasEveryFieldButThePasswords(@TempDir Path tmp) throws IOException {
        StandinSpec spec = fixtureSpec(tmp.resolve("c"));
        String json = SpecJson.summary(spec, 2, Map.of("acme/box:v1", "ab12"));
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(root.get("curriculumProblems").asInt()).isEqualTo(2);
        assertThat(root.at("/images/0/image").asText()).isEqualTo("acme/box:v1");
        assertThat(root.at("/images/0/specHash").asText()).isEqualTo("ab12");
        assertThat(root.at("/images/0/users/0/name").asText()).isEqualTo("antidote");
        assertThat(root.at("/images/0/users/0/uid").asInt()).isEqualTo(1000);
        assertThat(root.at("/images/0/httpPorts").toString()).isEqualTo("[8080,9090]");
        assertThat(root.at("/images/0/lessons").toString()).isEqualTo("[\"other\",\"probe\"]");
        assertThat(root.at("/images/1/permitRootLogin").asBoolean()).isTrue();
        assertThat(json).doesNotContain("password", StandinFixture.CONFIG_PASSWORD, StandinFixture.ROOT_PASSWORD);
    }
}
