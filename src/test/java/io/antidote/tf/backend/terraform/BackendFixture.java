package io.antidote.tf.backend.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.BackendConfigs;
import io.antidote.tf.config.LocalTargetConfig;
import io.antidote.tf.config.RunnerConfig;
import io.antidote.tf.config.TerraformBackendConfig;
import io.antidote.tf.lesson.Category;
import io.antidote.tf.lesson.ConfigurationType;
import io.antidote.tf.lesson.Flavor;
import io.antidote.tf.lesson.GuideType;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.lesson.LessonEndpoint;
import io.antidote.tf.lesson.LessonStage;
import io.antidote.tf.lesson.Presentation;
import io.antidote.tf.lesson.PresentationType;
import io.antidote.tf.lesson.Tier;
import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonFactory;
import io.antidote.tf.live.LiveSession;
import io.antidote.tf.live.Operation;
import io.antidote.tf.readiness.ReadinessSettings;
import io.antidote.tf.stack.local.LocalStackSynthesizer;
import io.antidote.tf.terraform.Phase;
import io.antidote.tf.terraform.TerraformEvent;
import io.antidote.tf.terraform.TerraformListener;
import io.antidote.tf.terraform.Workspace;
import io.opentracing.mock.MockTracer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A local-target backend over a temporary work directory: a curriculum of one lesson built in code whose endpoints'
 * ports are real listeners ({@link LabServers}), a recording DataManager, a MockTracer, a recorded readyDelay, and
 * the closing check that nothing is left.
 */
final class BackendFixture implements TerraformListener {
    static final String INSTANCE = "it";
    static final Map<String, String> BUILD_INFO = Map.of("imageVersion", "v1.0.0");
    final Path temp;
    final Path workDir;
    final Path curriculum;
    final MockTracer tracer = new MockTracer();
    final RecordingDataManager recording;
    final List<Duration> readyDelays = new CopyOnWriteArrayList<>();
    final Map<Phase, Long> lastPid = new ConcurrentHashMap<>();
    volatile Consumer<TerraformEvent> onEvent = e -> { };
    /** Called as each terraform command starts. */
    volatile java.util.function.BiConsumer<Phase, Workspace> onStart = (p, w) -> { };
    final Map<Phase, AtomicInteger> starts = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final LiveLessonFactory factory;

    BackendFixture(Lesson lesson) throws IOException {
        temp = Files.createTempDirectory("antidote-tf-backend");
        workDir = temp.resolve("work");
        curriculum = temp.resolve("curriculum");
        for (LessonStage s : lesson.stages()) {
            Path dir = curriculum.resolve(lesson.directory()).resolve(s.directory());
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("guide.md"), "# stage " + s.index() + "\n");
        }
        recording = new RecordingDataManager(id -> workDir.resolve(INSTANCE).resolve(id)
                .resolve(LocalStackSynthesizer.CONFIGURATION_LOG));
        recording.db.insertImages(IMAGES);
        recording.db.insertLessons(List.of(lesson));
        factory = new LiveLessonFactory(INSTANCE, "heps.test", "v1.0.0", curriculum,
                slug -> recording.db.getImage(slug), () -> String.format("ll%03d", ids.incrementAndGet()),
                Clock.systemUTC());
    }

    static final List<Image> IMAGES = List.of(
            new Image("utility", "tools", Flavor.UNTRUSTED, false, null, "antidote", "antidotepassword", "antidote",
                    "Util-Config-Pa55"),
            new Image("router", "a router", Flavor.TRUSTED, true, null, "antidote", "antidotepassword", "root",
                    "Router-Config-Pa55"));

    /** {@code web1} (utility, python, HTTP on {@code httpPort}) then {@code r1} (router, ansible, SSH on sshPort). */
    static Lesson lesson(int httpPort, int sshPort, int readyDelay) {
        return new Lesson("lab", "Lab", Category.FUNDAMENTALS, Tier.PROD, "", "", "", null, null,
                List.of(new LessonStage(0, "one", GuideType.MARKDOWN, null),
                        new LessonStage(1, "two", GuideType.MARKDOWN, null)),
                List.of(new LessonEndpoint("web1", "utility", ConfigurationType.PYTHON, "web1.py", null,
                                List.of(new Presentation("web", httpPort, PresentationType.HTTP))),
                        new LessonEndpoint("r1", "router", ConfigurationType.ANSIBLE, "r1.yml", null,
                                List.of(new Presentation("cli", sshPort, PresentationType.SSH)))),
                null, null, readyDelay, null, null, Path.of("lessons/lab"));
    }

    /** The configuration, with the trusted image {@code router} granted. */
    static AntidoteConfig config(Path workDir, String binary, int maxConcurrent, int applyTimeout, int readiness,
            Map<String, String> hooks) {
        return config(workDir, binary, maxConcurrent, applyTimeout, readiness, hooks, List.of("router"));
    }

    static AntidoteConfig config(Path workDir, String binary, int maxConcurrent, int applyTimeout, int readiness,
            Map<String, String> hooks, List<String> trustedImages) {
        return config(workDir, binary, maxConcurrent, applyTimeout, readiness, hooks, trustedImages, List.of());
    }

    static AntidoteConfig config(Path workDir, String binary, int maxConcurrent, int applyTimeout, int readiness,
            Map<String, String> hooks, List<String> trustedImages, List<String> passEnv) {
        return config(workDir, binary, maxConcurrent, applyTimeout, readiness, hooks, trustedImages, passEnv, null,
                null);
    }

    /** With {@code keepFailedFor} minutes and {@code stuckAfterAttempts} (null: their defaults). */
    static AntidoteConfig config(Path workDir, String binary, int maxConcurrent, int applyTimeout, int readiness,
            Map<String, String> hooks, Integer keepFailedFor, Integer stuckAfterAttempts) {
        return config(workDir, binary, maxConcurrent, applyTimeout, readiness, hooks, List.of("router"), List.of(),
                keepFailedFor, stuckAfterAttempts);
    }

    static AntidoteConfig config(Path workDir, String binary, int maxConcurrent, int applyTimeout, int readiness,
            Map<String, String> hooks, List<String> trustedImages, List<String> passEnv, Integer keepFailedFor,
            Integer stuckAfterAttempts) {
        RunnerConfig runner = new RunnerConfig(binary, workDir.toString(), maxConcurrent, null, null, passEnv, 120, 120,
                applyTimeout, 120, 2, 600, 24);
        return new AntidoteConfig(INSTANCE, Path.of("/unused"), null, "heps.test", null, null, null, null, 30, null,
                null, null, null, null, null, null, null, null, null, null, null,
                new BackendConfigs(new TerraformBackendConfig("local", readiness, runner, null, null,
                        new LocalTargetConfig("127.0.0.1", hooks), null, null, trustedImages, keepFailedFor,
                        stuckAfterAttempts, null)));
    }

    AntidoteConfig config(int applyTimeout, Map<String, String> hooks) {
        return config(workDir, "terraform", 4, applyTimeout, 20, hooks);
    }

    BackendOptions options(Clock clock) {
        return BackendOptions.defaults().withClock(clock).withListener(this)
                .withReadyDelay(readyDelays::add)
                .withReadiness(new ReadinessSettings(Duration.ofSeconds(20), Duration.ofMillis(100),
                        Duration.ofSeconds(2), 8));
    }

    TerraformBackend backend(AntidoteConfig config) {
        return TerraformBackendFactory.create(config, recording.db, BUILD_INFO, tracer, options(Clock.systemUTC()));
    }

    /** A new livelesson (INITIALIZED) of the lesson at {@code stage}, in session {@code session}. */
    String liveLesson(int stage, String session) {
        if (recording.db.getLiveSession(session).isEmpty()) {
            recording.db.createLiveSession(new LiveSession(session, "127.0.0.1", false, Instant.now()));
        }
        LiveLesson l = factory.create(recording.db.listLessons().get(0), stage, session);
        recording.db.createLiveLesson(l);
        return l.id();
    }

    static LessonScheduleRequest request(Operation op, String id, int stage) {
        return new LessonScheduleRequest(op, id, "s1", "lab", stage);
    }

    Path stackDir(String id) {
        return workDir.resolve(INSTANCE).resolve(id);
    }

    List<String> configurationLog(String id) throws IOException {
        Path log = stackDir(id).resolve(LocalStackSynthesizer.CONFIGURATION_LOG);
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    LiveLesson get(String id) {
        return recording.db.getLiveLesson(id).orElseThrow();
    }

    @Override
    public void started(Phase phase, Workspace workspace, long pid) {
        lastPid.put(phase, pid);
        starts.computeIfAbsent(phase, p -> new AtomicInteger()).incrementAndGet();
        onStart.accept(phase, workspace);
    }

    @Override
    public void event(Phase phase, Workspace workspace, TerraformEvent event) {
        onEvent.accept(event);
    }

    /** No stack directory, no livelesson, no terraform process; then the temp directory is removed. */
    void assertNothingLeft() throws IOException {
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse("")).filter(c -> c.contains("terraform")).toList())
                .as("terraform processes left").isEmpty();
        assertThat(recording.db.listLiveLessons()).as("livelessons left").isEmpty();
        Path instance = workDir.resolve(INSTANCE);
        if (Files.isDirectory(instance)) {
            try (Stream<Path> s = Files.list(instance)) {
                assertThat(s.toList()).as("stack directories left").isEmpty();
            }
        }
        try (Stream<Path> all = Files.walk(temp)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
