package io.antidote.tf.standin;

import static io.antidote.tf.standin.Containers.address;
import static io.antidote.tf.standin.Containers.awaitUp;
import static io.antidote.tf.standin.Containers.docker;
import static io.antidote.tf.standin.Containers.published;
import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.curriculum.CurriculumLoader;
import io.antidote.tf.testing.DockerEngine;
import io.antidote.tf.testing.Requirements;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in images on the real Docker engine (docs/standin-images.md): built for the example and the shared
 * curriculum under the names the stack runs, idempotent, and each clause of the contract observed from outside with
 * real SSH logins, HTTP requests and TCP connections. The fixture's images get their own organisation and tag and are
 * removed afterwards, with every container and network this class made.
 */
class StandinImagesIT {
    private static final String LABEL = "io.antidote.tf.test=StandinImagesIT";
    private static final String ORG = "antidote-tf-it";
    private static final String TAG = "it";
    private static final String BOX = ORG + "/box:" + TAG;
    private static final String ROOTBOX = ORG + "/rootbox:" + TAG;
    private static final String CONFIGURATOR = "antidotelabs/configurator:" + TAG;
    private static final String JUPYTER = "antidotelabs/jupyter:" + TAG;

    @TempDir
    static Path tmp;
    private static Path fixture;
    private static Containers containers;
    private static String net;

    @BeforeAll
    static void buildTheFixturesStandins() throws IOException {
        DockerEngine.require();
        fixture = StandinFixture.write(tmp.resolve("curriculum"));
        assertThat(DockerEngine.standins(fixture, ORG, TAG, TAG)).containsKeys(BOX, ROOTBOX, CONFIGURATOR, JUPYTER);
        containers = new Containers(LABEL);
        net = containers.network("antidote-standin-it");
    }

    @AfterAll
    static void removeEverythingThisClassMade() {
        if (containers != null) {
            containers.close();
            assertThat(docker("ps", "-aq", "--filter", "label=" + LABEL)).as("containers left").isEmpty();
            assertThat(docker("network", "ls", "-q", "--filter", "label=" + LABEL)).as("networks left").isEmpty();
            docker("rmi", BOX, ROOTBOX, CONFIGURATOR, JUPYTER);
        }
    }

    @Test
    void everyImageOfTheExampleAndTheSharedCurriculumHasItsStandinUnderTheNameTheStackRuns() {
        for (Path curriculum : List.of(Path.of("examples", "curriculum"), Requirements.sharedCurriculum())) {
            Map<String, String> built = DockerEngine.standins(curriculum, "antidotelabs", "latest", "latest");
            List<StandinImage> expected = StandinSpecs.of(CurriculumLoader.load(curriculum).curriculum(),
                    "antidotelabs", "latest", "latest").images();
            assertThat(expected).hasSizeGreaterThanOrEqualTo(5);
            for (StandinImage image : expected) {
                assertThat(built).containsKey(image.reference());
                String labels = docker("image", "inspect", "-f",
                        "{{ index .Config.Labels \"io.antidote.standin.kind\" }} "
                                + "{{ index .Config.Labels \"io.antidote.standin.source\" }} "
                                + "{{ index .Config.Labels \"io.antidote.standin.hash\" }}",
                        image.reference());
                assertThat(labels).matches(image.kind().id() + " " + image.source() + " [0-9a-f]{64}");
            }
        }
        Map<String, String> shared = DockerEngine.standins(Requirements.sharedCurriculum(), "antidotelabs", "latest", "latest");
        assertThat(shared).containsKeys("antidotelabs/crpd:latest", "antidotelabs/gitea:latest",
                "antidotelabs/vqfx-snap1:latest", "antidotelabs/configurator:latest", "antidotelabs/jupyter:latest");
    }

    @Test
    void aSecondRunWithNothingChangedBuildsNothing() {
        Map<String, String> again = DockerEngine.buildStandins(fixture, ORG, TAG, TAG);
        assertThat(again).containsKeys(BOX, ROOTBOX, CONFIGURATOR, JUPYTER);
        assertThat(again.values()).containsOnly("unchanged");
    }

    @Test
    void anEndpointStandinTakesRealSshLoginsOfItsUsersOnAPublishedPortAndHasTheUserlandOfTheContract()
            throws IOException {
        String box = containers.run("--network", net, "-p", "127.0.0.1::22", BOX);
        awaitUp(box);
        int port = published(box, 22);
        String pw = StandinFixture.HOSTILE_PASSWORD;
        assertThat(containers.sshAccepts("127.0.0.1", port, "antidote", pw)).isTrue();
        assertThat(containers.sshAccepts("127.0.0.1", port, "configurer", StandinFixture.CONFIG_PASSWORD)).isTrue();
        assertThat(containers.sshAccepts("127.0.0.1", port, "antidote", "not-the-password")).isFalse();
        assertThat(containers.sshAccepts("127.0.0.1", port, "root", pw)).as("root may not log in to box").isFalse();
        assertThat(containers.sshExec("127.0.0.1", port, "antidote", pw, "id -u").strip()).isEqualTo("1000");
        assertThat(containers.sshExec("127.0.0.1", port, "configurer", StandinFixture.CONFIG_PASSWORD, "id -u").strip())
                .isEqualTo("1001");
        String tools = containers.sshExec("127.0.0.1", port, "antidote", pw,
                "for t in bash ip ping nc python3 ps; do command -v $t >/dev/null && echo $t; done;"
                        + " test -x /usr/sbin/sshd && echo sshd;"
                        + " ls /tmp/pwned /tmp/pwned2 2>/dev/null; echo done");
        assertThat(tools.lines().toList()).containsExactly("bash", "ip", "ping", "nc", "python3", "ps", "sshd", "done");
    }

    @Test
    void rootLogsInOnEverySshPortWhenTheImageSaysSo() throws IOException {
        String rootbox = containers.run("--network", net, "-p", "127.0.0.1::22", "-p", "127.0.0.1::2222", ROOTBOX);
        awaitUp(rootbox);
        for (int port : List.of(published(rootbox, 22), published(rootbox, 2222))) {
            assertThat(containers.sshExec("127.0.0.1", port, "root", StandinFixture.ROOT_PASSWORD, "id -u").strip())
                    .isEqualTo("0");
        }
        assertThat(containers.sshExec("127.0.0.1", published(rootbox, 22), "antidote", "antidotepassword", "id -u")
                .strip()).as("a config user other than root").isEqualTo("1001");
    }

    @Test
    void everyHttpPresentationOfEveryLessonAnswersAndAdditionalPortsAcceptTcp() throws IOException {
        String box = containers.run("--network", net, BOX);
        awaitUp(box);
        String ip = address(box, net);
        for (int port : List.of(8080, 9090)) {
            HttpResponse<String> response = containers.get(ip, port);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("antidote stand-in of image box (" + BOX + "), port " + port + "\n");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ip, 830), 5000);
            assertThat(socket.isConnected()).isTrue();
        }
    }

    @Test
    void interfacesAtStartListTheNetworksConnectedBeforeTheProcessStartedAndNoLaterOne() {
        String before = containers.network("antidote-standin-it-before");
        String after = containers.network("antidote-standin-it-after");
        String box = containers.create("--network", net, BOX);
        docker("network", "connect", before, box);
        docker("start", box);
        awaitUp(box);
        docker("network", "connect", after, box);
        String atStart = docker("exec", box, "cat", "/run/standin/interfaces-at-start");
        String now = docker("exec", box, "ip", "-o", "addr");
        assertThat(atStart).contains(" lo ", " eth0 ", " eth1 ", "inet " + address(box, net) + "/",
                "inet " + address(box, before) + "/").doesNotContain("inet " + address(box, after) + "/");
        assertThat(now).contains("inet " + address(box, after) + "/");
        assertThat(docker("exec", box, "cat", "/proc/1/cmdline")).contains("standin-serve.py");
    }

    @Test
    void sigtermStopsTheStandinAtOnceWithExitZero() {
        String box = containers.run("--network", net, BOX);
        awaitUp(box);
        long start = System.nanoTime();
        docker("stop", "-t", "30", box);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // ignoring SIGTERM would mean a SIGKILL after 30 s and exit code 137
        assertThat(docker("inspect", "-f", "{{.State.ExitCode}}", box)).isEqualTo("0");
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void itRunsInAnotherContainersNetworkNamespaceWithNetAdminAndWritesTheMountedAntidote() throws IOException {
        runsInAHoldersNamespaceAndWritesAntidote("net-admin", List.of("--cap-add=NET_ADMIN"));
    }

    @Test
    void itRunsPrivilegedOrAsPrivilegedAsTheEngineAllowsInAnotherContainersNetworkNamespace() throws IOException {
        runsInAHoldersNamespaceAndWritesAntidote("privileged", DockerEngine.privilegedOptions(BOX));
    }

    private void runsInAHoldersNamespaceAndWritesAntidote(String name, List<String> options) throws IOException {
        Path antidote = Files.createDirectories(tmp.resolve("antidote-" + name));
        Files.setAttribute(antidote, "unix:uid", 1000);
        String holder = containers.run("--network", net, "--entrypoint", "/bin/sleep", BOX, "infinity");
        List<String> run = new ArrayList<>(List.of("--network", "container:" + holder, "-v", antidote + ":/antidote"));
        run.addAll(options);
        run.add(BOX);
        String box = containers.run(run.toArray(String[]::new));
        awaitUp(box);
        String owner = containers.sshExec(address(holder, net), 22, "antidote", StandinFixture.HOSTILE_PASSWORD,
                "touch /antidote/written && stat -c %u /antidote/written && ip -o link show eth0 >/dev/null && echo ok");
        assertThat(owner.lines().toList()).containsExactly("1000", "ok");
        assertThat(antidote.resolve("written")).exists();
    }

    @Test
    void aPortAlreadyTakenEndsTheStandinWithExitOneAndALineNamingIt() {
        String first = containers.run("--network", net, BOX);
        awaitUp(first);
        String second = containers.run("--network", "container:" + first, BOX);
        assertThat(docker("wait", second)).isEqualTo("1");
        DockerEngine.Result logs = DockerEngine.docker(Containers.DOCKER, "logs", second);
        assertThat(logs.out() + logs.err()).containsPattern("cannot listen on port \\d+|sshd exited");
    }

    @Test
    void theConfiguratorRecordsEachCommandOnOneLineAndFailsOnRequest() throws IOException {
        String box = containers.run("--network", net, BOX);
        String jupyter = containers.run("--network", net, JUPYTER);
        awaitUp(box);
        awaitUp(jupyter);
        String target = address(box, net);
        Path antidote = Files.createDirectories(tmp.resolve("configurator-antidote"));
        List<String> env = List.of("--rm", "--label", LABEL, "--network", net, "-v", antidote + ":/antidote",
                "-e", "ANTIDOTE_TARGET_HOST=" + target, "-e", "ANTIDOTE_TARGET_USERNAME=configurer",
                "-e", "ANTIDOTE_TARGET_PASSWORD=" + StandinFixture.CONFIG_PASSWORD);
        assertThat(configure(env, "ansible-playbook", "-vvvv", "-i", target + ",", "/antidote/stage0/configs/box1.yml"))
                .isEqualTo("antidote-configurator argv=[\"ansible-playbook\",\"-vvvv\",\"-i\",\"" + target
                        + ",\",\"/antidote/stage0/configs/box1.yml\"] host=" + target
                        + " user=configurer password=set reachable=yes");
        assertThat(configure(env, "/configure.py", "configurer", "p w", "junos", "22", target, "/antidote/f.txt"))
                .startsWith("antidote-configurator argv=[\"/configure.py\",\"configurer\",\"p w\",\"junos\",\"22\",\"")
                .endsWith(" reachable=yes");
        List<String> unreachable = List.of("--rm", "--label", LABEL, "--network", net, "-e", "ANTIDOTE_TARGET_HOST=" + address(jupyter, net));
        assertThat(configure(unreachable, "python", "/antidote/stage0/configs/box1.py"))
                .endsWith(" user= password=unset reachable=no");
        Files.writeString(antidote.resolve(".standin-fail-configure"), "");
        DockerEngine.Result failed = DockerEngine.docker(Containers.DOCKER, concat(List.of("run"), env,
                List.of(CONFIGURATOR, "python", "/antidote/stage0/configs/box1.py")));
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.out().lines().toList()).singleElement().asString()
                .startsWith("antidote-configurator argv=[\"python\",\"/antidote/stage0/configs/box1.py\"]");
    }

    @Test
    void theJupyterStandinAnswersHttpOn8888() {
        String jupyter = containers.run("--network", net, JUPYTER);
        awaitUp(jupyter);
        HttpResponse<String> response = containers.get(address(jupyter, net), 8888);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jupyter", "8888");
    }

    /** The one line the configurator printed for {@code command}, which exited 0. */
    private static String configure(List<String> options, String... command) {
        String out = docker(concat(List.of("run"), options, List.of(CONFIGURATOR), List.of(command)));
        assertThat(out.lines().toList()).hasSize(1);
        return out;
    }

    @SafeVarargs
    private static String[] concat(List<String>... parts) {
        return Stream.of(parts).flatMap(List::stream).toArray(String[]::new);
    }
}
