package io.antidote.tf.stack.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.lesson.ConfigurationType;
import io.antidote.tf.lesson.Connection;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.lesson.LessonEndpoint;
import io.antidote.tf.live.LiveEndpoint;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.testing.Requirements;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every lesson of the example curriculum and of the shared NRE Labs curriculum on the real Docker engine, with
 * stand-in images: after CREATE each connection carries packets both ways between the interfaces the image names,
 * with the reference's addresses; every endpoint resolves every other by bare name; SSH presentations accept the
 * image's credentials; HTTP presentations answer at the endpoint's address; {@code /antidote} holds the lesson, is
 * writable by the lesson user; connection interfaces existed when each endpoint started; each configured endpoint got
 * its stage's command line, and MODIFY runs the next stage's; DELETE leaves nothing.
 */
class DockerLessonsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TestFactory
    Stream<DynamicTest> exampleLessons() throws IOException {
        return lessons(Path.of("examples/curriculum"));
    }

    @TestFactory
    Stream<DynamicTest> nrelabsLessons() throws IOException {
        return lessons(Requirements.sharedCurriculum());
    }

    private Stream<DynamicTest> lessons(Path curriculum) throws IOException {
        DockerLab lab = new DockerLab(curriculum, false);
        List<Lesson> all = List.copyOf(lab.curriculum.lessons().values());
        assertThat(all).isNotEmpty();
        return all.stream().map(lesson -> DynamicTest.dynamicTest(lesson.slug(), () -> run(lab, lesson)))
                .onClose(() -> {
                    try {
                        lab.close();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    private static void run(DockerLab lab, Lesson lesson) throws Exception {
        LiveLesson live = lab.create(lesson, 0);
        try {
            assertThat(live.status()).as("status of %s", live.id()).isEqualTo(LiveLessonStatus.READY);
            assertThat(live.error()).isFalse();
            connections(lab, lesson, live);
            names(live);
            presentations(lab, lesson, live);
            antidote(lesson, live);
            configuration(lab, lesson, live, 0);
            if (lesson.stages().size() > 1) {
                LiveLesson modified = lab.modify(live, 1);
                assertThat(modified.status()).isEqualTo(LiveLessonStatus.READY);
                configuration(lab, lesson, modified, 1);
            }
        } finally {
            lab.deleteAndCheck(live);
        }
    }

    /** The reference's address: .2 for the endpoint first in lesson order, .3 for the other, with the prefix. */
    static String address(String subnet, int host) {
        String[] parts = subnet.split("/");
        long ip = 0;
        for (String octet : parts[0].split("\\.")) {
            ip = (ip << 8) | Integer.parseInt(octet);
        }
        int prefix = Integer.parseInt(parts[1]);
        long network = ip & (prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL);
        long a = network + host;
        return ((a >> 24) & 255) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255);
    }

    private static void connections(DockerLab lab, Lesson lesson, LiveLesson live) {
        List<String> order = List.copyOf(live.liveEndpoints().keySet());
        Map<String, Integer> interfaces = new HashMap<>();
        for (Connection c : lesson.connections()) {
            String[] ends = {c.a(), c.b()};
            String[] names = new String[2];
            String[] addresses = new String[2];
            boolean aFirst = order.indexOf(c.a()) <= order.indexOf(c.b());
            for (int side = 0; side < 2; side++) {
                Image image = lab.curriculum.images().get(lesson.endpoint(ends[side]).orElseThrow().image());
                names[side] = image.interfaceName(interfaces.merge(ends[side], 1, Integer::sum) - 1);
                addresses[side] = address(c.subnet(), (side == 0) == aFirst ? 2 : 3);
            }
            for (int side = 0; side < 2; side++) {
                String prefix = c.subnet().split("/")[1];
                String shown = DockerLab.exec(live, ends[side], "ip -o -4 addr show dev " + names[side]).ok();
                assertThat(shown).as("%s's %s", ends[side], names[side]).contains("inet " + addresses[side] + "/" + prefix);
            }
            for (int side = 0; side < 2; side++) {
                int other = 1 - side;
                // frames cross the link both ways: the other end's interface answers for its address
                assertThat(ArpProbe.answer(live, ends[side], names[side], addresses[other]))
                        .as("ARP from %s's %s for %s", ends[side], names[side], addresses[other])
                        .isEqualTo(ArpProbe.mac(live, ends[other], names[other]));
                if (uniqueSubnet(lesson, c, ends[side]) && uniqueSubnet(lesson, c, ends[other])) {
                    // and IP packets too, where the subnet is the endpoints' only one on it (else routing is ambiguous)
                    DockerLab.exec(live, ends[side], "ping -c 1 -W 3 -I " + names[side] + " " + addresses[other]).ok();
                }
            }
        }
    }

    /** Whether {@code endpoint} has no other connection on {@code c}'s subnet. */
    private static boolean uniqueSubnet(Lesson lesson, Connection c, String endpoint) {
        return lesson.connections().stream().filter(o -> o != c)
                .filter(o -> o.a().equals(endpoint) || o.b().equals(endpoint))
                .noneMatch(o -> o.subnet().equals(c.subnet()));
    }

    private static void names(LiveLesson live) {
        for (String from : live.liveEndpoints().keySet()) {
            for (String to : live.liveEndpoints().keySet()) {
                String resolved = DockerLab.exec(live, from, "getent hosts " + to).ok();
                assertThat(resolved).as("%s resolves %s", from, to).isNotBlank();
            }
        }
    }

    private static void presentations(DockerLab lab, Lesson lesson, LiveLesson live) throws Exception {
        for (LiveEndpoint ep : live.liveEndpoints().values()) {
            assertThat(ep.host()).as("address of %s", ep.name()).startsWith("127.");
            for (var p : ep.presentations()) {
                switch (p.type()) {
                    case SSH -> {
                        String out = SshLogin.run(ep.host(), p.port(), ep.sshUser(), ep.sshPassword(),
                                "id -un; test -w /antidote && echo writable");
                        assertThat(out).as("ssh %s@%s:%d", ep.sshUser(), ep.host(), p.port())
                                .contains(ep.sshUser()).contains("writable");
                    }
                    case HTTP -> {
                        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                                URI.create("http://" + ep.host() + ":" + p.port() + "/")).timeout(Duration.ofSeconds(10))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        assertThat(r.statusCode()).as("GET %s:%d", ep.host(), p.port()).isEqualTo(200);
                    }
                }
            }
        }
    }

    private static void antidote(Lesson lesson, LiveLesson live) {
        for (String ep : live.liveEndpoints().keySet()) {
            String listing = DockerLab.exec(live, ep, "ls /antidote; stat -c %u /antidote; setpriv --reuid 1000 "
                    + "--regid 1000 --clear-groups touch /antidote/.probe-" + ep + " && echo written").ok();
            assertThat(listing).as("/antidote in %s", ep).contains("lesson.meta.yaml", "stage0", "1000", "written");
            // every interface the endpoint has now (connections included) was there when its process started
            String started = DockerLab.exec(live, ep, "cat /run/standin/interfaces-at-start").ok();
            String now = DockerLab.exec(live, ep, "ip -o link show | awk -F': ' '{print $2}' | cut -d@ -f1").ok();
            for (String iface : now.lines().toList()) {
                assertThat(started).as("%s of %s existed at start", iface, ep).contains(iface);
            }
        }
    }

    private static void configuration(DockerLab lab, Lesson lesson, LiveLesson live, int stage) throws IOException {
        for (LessonEndpoint ep : lesson.endpoints()) {
            if (ep.configurationType() == ConfigurationType.NONE) {
                continue;
            }
            Path log = lab.stateDir(live).resolve("configure").resolve("stage" + stage + "-" + ep.name() + ".log");
            assertThat(log).as("configuration log of %s at stage %d", ep.name(), stage).exists();
            String line = Files.readAllLines(log).stream().filter(l -> l.startsWith("antidote-configurator "))
                    .findFirst().orElseThrow(() -> new AssertionError("no configurator line in " + log));
            Image image = lab.curriculum.images().get(ep.image());
            String file = "/antidote/stage" + stage + "/configs/" + ep.configurationFile();
            List<String> argv = switch (ep.configurationType()) {
                case PYTHON -> List.of("python", file);
                case ANSIBLE -> List.of("ansible-playbook", "-vvvv", "-i", ep.name() + ",", file);
                case NAPALM -> List.of("/configure.py", image.configUser(), image.configPassword(),
                        ep.configurationFile().replaceAll(".*-(\\w+)\\.txt$", "$1"), "22", ep.name(), file);
                case NONE -> throw new AssertionError("unreachable");
            };
            JsonNode recorded = JSON.readTree(line.replaceAll("^antidote-configurator argv=(\\[.*]) host=.*$", "$1"));
            List<String> seen = new ArrayList<>();
            recorded.forEach(a -> seen.add(a.asText()));
            assertThat(seen).as("command line configuring %s", ep.name()).containsExactlyElementsOf(argv);
            assertThat(line).contains(" host=" + ep.name() + " ", " user=" + image.configUser() + " ",
                    " password=set ", " reachable=yes");
        }
    }
}
