package io.antidote.tf.bench;

import io.antidote.tf.backend.terraform.BackendOptions;
import io.antidote.tf.backend.terraform.TerraformBackend;
import io.antidote.tf.backend.terraform.TerraformBackendFactory;
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
import io.antidote.tf.live.Operation;
import io.antidote.tf.readiness.ReadinessSettings;
import io.antidote.tf.stack.StackRequest;
import io.antidote.tf.stack.local.LocalStackSynthesizer;
import io.antidote.tf.state.InMemoryDataManager;
import io.antidote.tf.terraform.ChildEnvironment;
import io.antidote.tf.terraform.StackId;
import io.antidote.tf.terraform.StateBackend;
import io.antidote.tf.terraform.Terraform;
import io.antidote.tf.terraform.TerraformListener;
import io.antidote.tf.terraform.Workspace;
import io.opentracing.noop.NoopTracerFactory;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The runner's overhead over the bare CLI (the same local stack, init/plan/apply/plan -destroy/apply, N runs,
 * medians), and the backend's throughput of whole lifecycles (CREATE to READY, then DELETE) at caps 1, 2 and 4.
 * Run with {@code bin/bench-runner [N] [lifecycles] [warm-up rounds]}; prints a Markdown table.
 */
public final class RunnerBench {
    private static final int DEFAULT_WARM_UP = 2;

    private RunnerBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int lifecycles = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_WARM_UP;
        Path temp = Files.createTempDirectory("antidote-tf-bench");
        try (ServerSocket listener = new ServerSocket(0, 500, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        listener.accept().close();
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Lesson lesson = lesson(listener.getLocalPort());
            overhead(temp, lesson, n, warmUp);
            for (int cap : lifecycles > 0 ? new int[] {1, 2, 4} : new int[0]) {
                throughput(temp, lesson, cap, lifecycles);
            }
        } finally {
            new ProcessBuilder("rm", "-rf", temp.toString()).start().waitFor();
        }
    }

    /**
     * Runner against bare CLI, fairly: the bare script gets exactly the environment the runner gives terraform
     * ({@link ChildEnvironment}, so both have {@code TF_IN_AUTOMATION}, {@code TF_INPUT=0}, {@code CHECKPOINT_DISABLE=1}
     * and nothing else), the same flags, a fresh directory each; the warm-up rounds ({@value #DEFAULT_WARM_UP} unless given; a long-running service is past its JIT warm-up) are discarded; the
     * order alternates every round (so neither side always runs on a cache warmed by the other).
     */
    private static void overhead(Path temp, Lesson lesson, int n, int warmUp) throws Exception {
        AntidoteConfig config = config(temp.resolve("runner"), 1);
        InMemoryDataManager db = db(lesson);
        LiveLesson live = factory(temp, db).create(lesson, 0, "s1", "bench");
        String json = new LocalStackSynthesizer(config.backendConfigs().terraform().local())
                .synth(new StackRequest(live, lesson, Map.of())).json();
        RunnerConfig runnerConfig = config.backendConfigs().terraform().runner();
        Terraform tf = Terraform.open(runnerConfig, new StateBackend.Local(), NoopTracerFactory.create(),
                TerraformListener.NONE, List.of());
        Map<String, String> env = ChildEnvironment.of(System.getenv(), runnerConfig).variables();
        Path script = temp.resolve("bare-cli.sh");
        Files.writeString(script, String.join("\n", "#!/bin/sh", "set -e", "cd \"$1\"",
                "C='-input=false -no-color'",
                "terraform init $C -json >/dev/null",
                "terraform plan $C -json -detailed-exitcode -out=p >/dev/null || [ $? -eq 2 ]",
                "terraform apply $C -json -auto-approve p >/dev/null",
                "terraform plan $C -json -detailed-exitcode -destroy -out=d >/dev/null || [ $? -eq 2 ]",
                "terraform apply $C -json -auto-approve d >/dev/null", ""));
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Long> runner = new ArrayList<>();
        List<Long> cli = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        for (int i = 0; i < n + warmUp; i++) {
            boolean keep = i >= warmUp;
            for (int side = 0; side < 2; side++) {
                if ((side + i) % 2 == 0) {
                    long cpu0 = os.getProcessCpuTime();
                    long took = runnerCycle(tf, json, "r" + i);
                    if (keep) {
                        runner.add(took);
                        cpu.add(os.getProcessCpuTime() - cpu0);
                    }
                } else {
                    long took = cliCycle(temp, script, env, json, "c" + i);
                    if (keep) {
                        cli.add(took);
                    }
                }
            }
        }
        double r = median(runner) / 1e6;
        double c = median(cli) / 1e6;
        List<Long> diffs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            diffs.add(runner.get(i) - cli.get(i));
        }
        System.out.printf("| runner init+plan+apply+plan -destroy+apply, median of %d (after %d warm-up) | %.0f ms |%n",
                n, warmUp, r);
        System.out.printf("| bare CLI, same commands and environment, median of %d | %.0f ms |%n", n, c);
        System.out.printf("| overhead (difference of the medians) | %.1f %% |%n", (r - c) / c * 100);
        System.out.printf("| overhead (median of the %d paired differences) | %.0f ms, %.1f %% |%n", n,
                median(diffs) / 1e6, median(diffs) / 1e6 / c * 100);
        System.out.printf("| this JVM's CPU time per runner cycle, median | %.0f ms |%n", median(cpu) / 1e6);
    }

    private static long runnerCycle(Terraform tf, String json, String id) {
        Workspace ws = tf.workspaces().open(new StackId("bench", id));
        ws.writeStack(json);
        long t0 = System.nanoTime();
        tf.init(ws, null);
        tf.apply(tf.plan(ws, null), null);
        tf.apply(tf.planDestroy(ws, null), null);
        long took = System.nanoTime() - t0;
        tf.workspaces().remove(ws);
        return took;
    }

    private static long cliCycle(Path temp, Path script, Map<String, String> env, String json, String id)
            throws Exception {
        Path dir = Files.createDirectories(temp.resolve("cli").resolve(id));
        Files.writeString(dir.resolve("main.tf.json"), json);
        ProcessBuilder builder = new ProcessBuilder("sh", script.toString(), dir.toString()).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(env);
        long t0 = System.nanoTime();
        int exit = builder.start().waitFor();
        long took = System.nanoTime() - t0;
        if (exit != 0) {
            throw new IllegalStateException("the bare CLI script failed: " + exit);
        }
        return took;
    }

    private static void throughput(Path temp, Lesson lesson, int cap, int count) throws Exception {
        InMemoryDataManager db = db(lesson);
        AntidoteConfig config = config(temp.resolve("cap" + cap), cap);
        BackendOptions options = BackendOptions.defaults().withReadyDelay(d -> { })
                .withReadiness(new ReadinessSettings(Duration.ofSeconds(30), Duration.ofMillis(100),
                        Duration.ofSeconds(2), 8));
        LiveLessonFactory factory = factory(temp, db);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(4, cap * 2));
        try (TerraformBackend backend = TerraformBackendFactory.create(config, db, Map.of("imageVersion", "v1"),
                NoopTracerFactory.create(), options)) {
            long t0 = System.nanoTime();
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                LiveLesson l = factory.create(lesson, 0, "s1");
                db.createLiveLesson(l);
                all.add(CompletableFuture.runAsync(() -> {
                    backend.handleCreate(null, new LessonScheduleRequest(Operation.CREATE, l.id(), "s1", "lab", 0));
                    backend.handleDelete(null, new LessonScheduleRequest(Operation.DELETE, l.id(), "s1", "lab", 0));
                }, pool));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            double minutes = (System.nanoTime() - t0) / 60e9;
            System.out.printf("| lifecycles/minute at runner.maxConcurrent=%d (%d lifecycles) | %.1f |%n", cap, count,
                    count / minutes);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int m = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2.0;
    }

    private static Lesson lesson(int port) {
        return new Lesson("lab", "Lab", Category.FUNDAMENTALS, Tier.PROD, "", "", "", null, null,
                List.of(new LessonStage(0, "one", GuideType.MARKDOWN, null)),
                List.of(new LessonEndpoint("web1", "utility", ConfigurationType.PYTHON, "web1.py", null,
                                List.of(new Presentation("web", port, PresentationType.HTTP))),
                        new LessonEndpoint("web2", "utility", ConfigurationType.PYTHON, "web2.py", null,
                                List.of(new Presentation("web", port, PresentationType.HTTP)))),
                null, null, 0, null, null, Path.of("lessons/lab"));
    }

    private static InMemoryDataManager db(Lesson lesson) {
        InMemoryDataManager db = new InMemoryDataManager();
        db.insertImages(List.of(new Image("utility", "", Flavor.UNTRUSTED, false, null, "u", "pw-bench", "u",
                "pw-bench")));
        db.insertLessons(List.of(lesson));
        return db;
    }

    private static LiveLessonFactory factory(Path temp, InMemoryDataManager db) throws Exception {
        Path guide = temp.resolve("curriculum/lessons/lab/stage0");
        Files.createDirectories(guide);
        Files.writeString(guide.resolve("guide.md"), "# bench\n");
        AtomicInteger ids = new AtomicInteger();
        return new LiveLessonFactory("bench", "heps.test", "v1", temp.resolve("curriculum"), db::getImage,
                () -> String.format("b%05d", ids.incrementAndGet()), Clock.systemUTC());
    }

    private static AntidoteConfig config(Path workDir, int cap) {
        RunnerConfig runner = new RunnerConfig("terraform", workDir.toString(), cap, null, null, null, 120, 120, 300,
                300, 5, 600, 24);
        return new AntidoteConfig("bench", Path.of("/unused"), null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null,
                new BackendConfigs(new TerraformBackendConfig("local", 60, runner, null, null,
                        new LocalTargetConfig(null, null))));
    }
}
