package io.antidote.tf.stack.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.backend.terraform.TerraformBackend;
import io.antidote.tf.backend.terraform.TerraformBackendFactory;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.BackendConfigs;
import io.antidote.tf.config.DockerTargetConfig;
import io.antidote.tf.config.RunnerConfig;
import io.antidote.tf.config.TerraformBackendConfig;
import io.antidote.tf.curriculum.CurriculumLoader;
import io.antidote.tf.lesson.Curriculum;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonFactory;
import io.antidote.tf.live.Operation;
import io.antidote.tf.stack.host.HostNames;
import io.antidote.tf.state.InMemoryDataManager;
import io.antidote.tf.testing.DockerEngine;
import io.antidote.tf.testing.TestFiles;
import io.opentracing.mock.MockTracer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A docker-target backend on the real Docker engine and the real terraform, over a real curriculum whose images are
 * stand-ins (docs/standin-images.md): livelessons created, modified and deleted through the backend as the scheduler
 * does, and the host's state (containers, networks, links, iptables rules, mounts, directories) read back.
 * Each lab has its own instance ID, host directory and work directory, all removed on close.
 */
final class DockerLab implements AutoCloseable {
    static final String IMAGE_VERSION = "latest";
    final String instanceId = "dk" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
    final Path temp;
    final Path hostDir;
    final Curriculum curriculum;
    final AntidoteConfig config;
    final InMemoryDataManager db = new InMemoryDataManager();
    final MockTracer tracer = new MockTracer();
    final TerraformBackend backend;
    private final LiveLessonFactory factory;
    /** Every livelesson this lab created, so that the footprint covers deleted ones too. */
    private final List<String> uullids = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A lab on {@code curriculumDir} whose stand-ins exist (built if not), with {@code curriculumVersion} as tag. */
    DockerLab(Path curriculumDir, boolean allowEgress, String curriculumVersion) throws IOException {
        DockerEngine.require();
        DockerEngine.standins(curriculumDir, "antidotelabs", "latest", IMAGE_VERSION);
        temp = Files.createTempDirectory("antidote-docker-lab");
        hostDir = temp.resolve("host");
        curriculum = CurriculumLoader.load(curriculumDir).curriculum();
        RunnerConfig runner = new RunnerConfig("terraform", temp.resolve("work").toString(), 4, null, null, null, 120,
                120, 300, 300, 10, 300, 24);
        TerraformBackendConfig tf = new TerraformBackendConfig("docker", 120, runner, null, null, null,
                new DockerTargetConfig(hostDir.toString()), null,
                List.of(TerraformBackendConfig.TRUST_EVERY_IMAGE));
        config = new AntidoteConfig(instanceId, curriculum.root(), io.antidote.tf.lesson.Tier.LOCAL, "heps.test", null,
                null, null, null, null, null, null, null, allowEgress, curriculumVersion, null, null, null, null, null,
                null, null, new BackendConfigs(tf));
        db.insertImages(List.copyOf(curriculum.images().values()));
        db.insertLessons(List.copyOf(curriculum.lessons().values()));
        factory = new LiveLessonFactory(instanceId, "heps.test", IMAGE_VERSION, curriculum.root(),
                db::getImage, () -> randomId(), Clock.systemUTC());
        backend = TerraformBackendFactory.create(config, db, Map.of("imageVersion", IMAGE_VERSION), tracer);
    }

    DockerLab(Path curriculumDir, boolean allowEgress) throws IOException {
        this(curriculumDir, allowEgress, "latest");
    }

    static String randomId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            id.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(ThreadLocalRandom.current().nextInt(36)));
        }
        return id.toString();
    }

    /** The livelesson of {@code lesson} at {@code stage}, stored and created (the backend's CREATE). */
    LiveLesson create(Lesson lesson, int stage, String id) {
        LiveLesson live = factory.create(lesson, stage, "session-" + instanceId, id);
        uullids.add(live.uullid());
        db.createLiveLesson(live);
        backend.handleCreate(tracer.buildSpan("test").start(),
                new LessonScheduleRequest(Operation.CREATE, live.id(), live.sessionId(), lesson.slug(), stage));
        return db.getLiveLesson(live.id()).orElseThrow();
    }

    LiveLesson create(Lesson lesson, int stage) {
        return create(lesson, stage, randomId());
    }

    /** MODIFY to {@code stage}, as the API asks it (stage stored first). */
    LiveLesson modify(LiveLesson live, int stage) {
        db.updateLiveLessonStage(live.id(), stage);
        backend.handleModify(tracer.buildSpan("test").start(),
                new LessonScheduleRequest(Operation.MODIFY, live.id(), live.sessionId(), live.lessonSlug(), stage));
        return db.getLiveLesson(live.id()).orElseThrow();
    }

    void delete(LiveLesson live) {
        backend.handleDelete(tracer.buildSpan("test").start(),
                new LessonScheduleRequest(Operation.DELETE, live.id(), live.sessionId(), live.lessonSlug(), 0));
    }

    /** The livelesson's directory on the host. */
    Path stateDir(LiveLesson live) {
        return hostDir.resolve("livelessons").resolve(live.uullid());
    }

    /** The container of endpoint {@code endpoint}. */
    static String container(LiveLesson live, String endpoint) {
        return "antidote-" + live.uullid() + "-" + endpoint;
    }

    /** {@code docker exec <endpoint's container> sh -c <script>}: stdout, or an AssertionError with stderr. */
    static DockerEngine.Result exec(LiveLesson live, String endpoint, String script) {
        return DockerEngine.docker(Duration.ofSeconds(60), "exec", container(live, endpoint), "sh", "-c", script);
    }

    /**
     * What this lab's livelessons own on the host, as sorted lines: containers and networks with its instance's label,
     * and for every livelesson it created (deleted ones included) the links and iptables rules naming its bridges or
     * chain, mounts under its state directory and the directory itself. Empty when nothing is left.
     */
    List<String> footprint() throws IOException {
        List<String> lines = new ArrayList<>(labelled("antidoteId=" + instanceId));
        for (String uullid : uullids) {
            lines.addAll(onHost(uullid));
        }
        lines.sort(Comparator.naturalOrder());
        return lines;
    }

    /** What livelesson {@code live} owns on the host (see {@link #footprint()}). */
    List<String> footprint(LiveLesson live) throws IOException {
        List<String> lines = new ArrayList<>(labelled("liveLesson=" + live.id()));
        lines.addAll(onHost(live.uullid()));
        lines.sort(Comparator.naturalOrder());
        return lines;
    }

    private static List<String> labelled(String label) {
        List<String> lines = new ArrayList<>();
        for (String c : DockerEngine.docker(Duration.ofSeconds(30), "ps", "-a", "--filter", "label=" + label, "--format",
                "{{.Names}}").ok().lines().toList()) {
            lines.add("container " + c);
        }
        for (String n : DockerEngine.docker(Duration.ofSeconds(30), "network", "ls", "--filter", "label=" + label,
                "--format", "{{.Name}}").ok().lines().toList()) {
            lines.add("network " + n);
        }
        return lines;
    }

    private List<String> onHost(String uullid) throws IOException {
        List<String> lines = new ArrayList<>();
        HostNames names = HostNames.of(uullid);
        String tag = names.tag();
        for (String link : Host.run("ip", "-o", "link", "show").lines().toList()) {
            if (link.contains(names.bridge()) || link.contains("ac" + tag.substring(0, 10))
                    || link.contains("av" + tag.substring(0, 8)) || link.contains("aw" + tag.substring(0, 8))) {
                lines.add("link " + link.replaceAll("^\\d+: ", "").replaceAll(":.*", ""));
            }
        }
        for (String rule : Host.run("iptables-save", "-t", "filter").lines().toList()) {
            if (rule.contains(names.chain()) || rule.contains(names.bridge())) {
                lines.add("iptables " + rule);
            }
        }
        Path dir = hostDir.resolve("livelessons").resolve(uullid);
        for (String mount : Files.readAllLines(Path.of("/proc/mounts"))) {
            if (mount.contains(dir.toString())) {
                lines.add("mount " + mount);
            }
        }
        if (Files.exists(dir)) {
            lines.add("directory " + dir);
        }
        return lines;
    }

    /** Deletes {@code live} and checks that nothing of it is left on the host. */
    void deleteAndCheck(LiveLesson live) throws IOException {
        delete(live);
        assertThat(footprint(live)).as("what livelesson %s left on the host", live.id()).isEmpty();
    }

    @Override
    public void close() throws IOException {
        for (LiveLesson live : db.listLiveLessons()) {
            try {
                delete(live);
            } catch (RuntimeException e) {
                // the test's own failure matters more; the footprint check below names what is left
            }
        }
        backend.close();
        DockerEngine.removeContainers("antidoteId=" + instanceId);
        TestFiles.deleteTree(temp);
    }
}
