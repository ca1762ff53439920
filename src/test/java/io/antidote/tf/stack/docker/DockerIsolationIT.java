package io.antidote.tf.stack.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.stack.host.HostNames;
import io.antidote.tf.testing.DockerEngine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Isolation with real packets. Egress is aimed only at listeners this test starts in a network namespace of its own
 * ({@link Outside}): an address beyond the livelesson, and the instance metadata address. Nothing else is contacted.
 */
class DockerIsolationIT {
    private static final Path EXAMPLES = Path.of("examples/curriculum");
    private static Outside outside;

    @BeforeAll
    static void outside() {
        DockerEngine.require();
        outside = Outside.start();
    }

    @AfterAll
    static void removeOutside() {
        if (outside != null) {
            outside.close();
        }
    }

    private static boolean connects(LiveLesson live, String endpoint, String address, int port) {
        return DockerLab.exec(live, endpoint, "nc -z -w 3 " + address + " " + port).exit() == 0;
    }

    @Test
    void egressIsDroppedByDefaultAndTheRulesExistBeforeTheFirstContainer() throws Exception {
        try (DockerLab lab = new DockerLab(EXAMPLES, false)) {
            Lesson lesson = lab.curriculum.lessons().get("linux-first-steps");
            String id = DockerLab.randomId();
            String chain = HostNames.of(lab.instanceId + "-" + id).chain();
            CompletableFuture<String> atFirstContainer = rulesAtFirstContainer("liveLesson=" + id, chain);
            LiveLesson live = lab.create(lesson, 0, id);
            assertThat(live.status()).isEqualTo(LiveLessonStatus.READY);
            assertThat(atFirstContainer.get(60, TimeUnit.SECONDS)).as("the chain when the first container was created")
                    .contains("-A " + chain + " -j DROP").contains("-A DOCKER-USER -i al");
            assertThat(connects(live, "linux1", outside.address(), Outside.PORT)).as("egress to an outside listener")
                    .isFalse();
            assertThat(connects(live, "linux1", Outside.METADATA, Outside.PORT)).isFalse();
            lab.deleteAndCheck(live);
        }
    }

    @Test
    void allowEgressOpensTheWayOutButNeverToTheMetadataService() throws Exception {
        try (DockerLab lab = new DockerLab(EXAMPLES, true)) {
            LiveLesson live = lab.create(lab.curriculum.lessons().get("linux-first-steps"), 0);
            assertThat(connects(live, "linux1", outside.address(), Outside.PORT)).as("egress with allowEgress").isTrue();
            assertThat(connects(live, "linux1", Outside.METADATA, Outside.PORT)).as("the metadata address").isFalse();
            lab.deleteAndCheck(live);
        }
    }

    @Test
    void twoLivelessonsOfTheSameLessonCannotReachEachOtherAndHaveTheirOwnFiles() throws Exception {
        try (DockerLab lab = new DockerLab(EXAMPLES, true)) {
            Lesson lesson = lab.curriculum.lessons().get("linux-first-steps");
            LiveLesson a = lab.create(lesson, 0);
            LiveLesson b = lab.create(lesson, 0);
            String bAddress = DockerEngine.docker(Duration.ofSeconds(30), "inspect", "-f",
                    "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}",
                    DockerLab.container(b, "linux1") + "-net").ok();
            assertThat(connects(b, "linux1", "linux1", 22)).as("b reaches itself by name").isTrue();
            assertThat(connects(a, "linux1", bAddress, 22)).as("a reaches b at %s", bAddress).isFalse();
            DockerLab.exec(a, "linux1", "echo mine > /antidote/a-only").ok();
            assertThat(DockerLab.exec(b, "linux1", "test -e /antidote/a-only").exit()).isNotZero();
            lab.deleteAndCheck(a);
            lab.deleteAndCheck(b);
        }
    }

    @Test
    void afterARebootUpRestoresTheRulesBeforeTheEndpointsAndTheirLinks() throws Exception {
        try (DockerLab lab = new DockerLab(EXAMPLES, false)) {
            LiveLesson live = lab.create(lab.curriculum.lessons().get("routed-pair"), 0);
            HostNames names = HostNames.of(live.uullid());
            // what a reboot takes away: the containers' processes, the bridges and veths, every iptables rule
            DockerEngine.docker(Duration.ofSeconds(60), "stop", "-t", "0", DockerLab.container(live, "vqfx1"),
                    DockerLab.container(live, "vqfx2"), DockerLab.container(live, "linux1"),
                    DockerLab.container(live, "vqfx1") + "-net", DockerLab.container(live, "vqfx2") + "-net",
                    DockerLab.container(live, "linux1") + "-net").ok();
            Host.run("ip", "link", "del", names.connectionBridge(0));
            Host.run("ip", "link", "del", names.connectionBridge(1));
            while (Host.attempt("iptables", "-w", "-D", "DOCKER-USER", "-i", names.bridge(), "-j", names.chain()).exit() == 0) {
                // every jump
            }
            Host.run("iptables", "-w", "-F", names.chain());
            // what the unit runs at boot
            Host.run("bash", lab.stateDir(live).resolve("lesson-host.sh").toString(), "up");
            assertThat(Host.run("iptables", "-w", "-S", names.chain())).contains("-j DROP");
            assertThat(DockerLab.exec(live, "vqfx1", "ping -c 1 -W 3 -I em3 10.12.0.3").exit()).isZero();
            assertThat(DockerLab.exec(live, "vqfx1", "cat /run/standin/interfaces-at-start").ok()).contains("em3", "em4");
            lab.deleteAndCheck(live);
        }
    }

    /** Starts {@code docker events} and returns the chain's rules as they are at the first container's creation. */
    private static CompletableFuture<String> rulesAtFirstContainer(String label, String chain) throws Exception {
        Process events = new ProcessBuilder("docker", "events", "--filter", "label=" + label, "--filter", "event=create",
                "--format", "{{.Actor.ID}}").start();
        // wait until the events stream is connected before the livelesson starts
        Thread.sleep(500);
        return CompletableFuture.supplyAsync(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(events.getInputStream(),
                    StandardCharsets.UTF_8))) {
                in.readLine();
                return Host.run("iptables-save", "-t", "filter");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                events.destroy();
            }
        });
    }

    /**
     * A network namespace of the test's own, joined to the host by a veth pair, with a listener on an ordinary address
     * and on the metadata address: the only things beyond a livelesson its egress tests aim at.
     */
    record Outside(String namespace, String hostEnd, int subnet, Process listener) implements AutoCloseable {
        static final int PORT = 8099;
        static final String METADATA = "169.254.169.254";

        static Outside start() {
            int n = 100 + (int) (ProcessHandle.current().pid() % 100);
            String ns = "antidote-out-" + n;
            String hostEnd = "aout" + n;
            Host.attempt("ip", "netns", "del", ns);
            Host.attempt("ip", "link", "del", hostEnd);
            Host.run("ip", "netns", "add", ns);
            Host.run("ip", "link", "add", hostEnd, "type", "veth", "peer", "name", "eth0", "netns", ns);
            Host.run("ip", "addr", "add", "10.254." + n + ".1/30", "dev", hostEnd);
            Host.run("ip", "link", "set", hostEnd, "up");
            Host.run("ip", "route", "add", METADATA + "/32", "dev", hostEnd);
            Host.run("ip", "netns", "exec", ns, "ip", "addr", "add", "10.254." + n + ".2/30", "dev", "eth0");
            Host.run("ip", "netns", "exec", ns, "ip", "addr", "add", METADATA + "/32", "dev", "eth0");
            Host.run("ip", "netns", "exec", ns, "ip", "link", "set", "eth0", "up");
            Host.run("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up");
            Host.run("ip", "netns", "exec", ns, "ip", "route", "add", "default", "via", "10.254." + n + ".1");
            try {
                Process listener = new ProcessBuilder("ip", "netns", "exec", ns, "python3", "-m", "http.server",
                        String.valueOf(PORT), "--bind", "0.0.0.0").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                Outside o = new Outside(ns, hostEnd, n, listener);
                for (int i = 0; i < 50 && Host.attempt("ip", "netns", "exec", ns, "nc", "-z", "127.0.0.1",
                        String.valueOf(PORT)).exit() != 0; i++) {
                    Thread.sleep(100);
                }
                return o;
            } catch (Exception e) {
                throw new AssertionError("the outside listener did not start", e);
            }
        }

        String address() {
            return "10.254." + subnet + ".2";
        }

        @Override
        public void close() {
            listener.destroy();
            Host.attempt("ip", "route", "del", METADATA + "/32");
            Host.attempt("ip", "link", "del", hostEnd);
            Host.attempt("ip", "netns", "del", namespace);
        }
    }
}
