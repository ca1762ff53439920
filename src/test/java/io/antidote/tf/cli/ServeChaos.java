package io.antidote.tf.cli;

import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.state.SqliteDataManager;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Lifecycles of livelessons through {@code serve}'s API (a process), with faults injected at random: {@code serve}
 * killed with SIGKILL and started again, a running terraform killed with SIGKILL, provisioners failing (a hook of the
 * local target that fails one time in {@code failOneIn}). Each lifecycle is a CREATE, sometimes a MODIFY, then a
 * DELETE, several at once. At the end everything is counted: every livelesson the API created either was deleted when
 * asked or settled READY or Error with an error detail, and nothing is leaked: no livelesson, no workspace, no pending
 * destroy, no process running in the work directory. Shared by {@code ServeRestartIT} (a short run in CI) and
 * {@code Soak} (200 lifecycles, {@code bin/soak}).
 */
final class ServeChaos {
    /** What a run did and found. */
    record Tally(int lifecycles, int ready, int failedWithDetail, int modified, int deleted, int serveKills,
            int terraformKills, int restarts, List<String> problems, Duration took) {
        String line() {
            return String.format("%d lifecycles in %d s: %d reached READY, %d failed (each with an error detail), %d "
                    + "modified, %d deleted; faults: serve killed %d times (restarted %d), terraform killed %d times; "
                    + "problems: %s", lifecycles, took.toSeconds(), ready, failedWithDetail, modified, deleted,
                    serveKills, restarts, terraformKills, problems.isEmpty() ? "none" : problems);
        }
    }

    /** The run's shape. */
    record Plan(int lifecycles, int atOnce, double serveKillChance, double terraformKillChance, int minServeKills,
            long seed) {
    }

    private final CliLab lab;
    private final Path config;
    private final Random random;
    private final Plan plan;
    private final PrintStream log;
    private final Path token;
    private final boolean docker;
    private CliProcess serve;
    private ApiClient api;
    private int serveNumber;
    private int serveKills;
    private int terraformKills;
    private int restarts;
    /** Every livelesson created, with whether the test asked for its deletion. */
    private final Map<String, Boolean> asked = new LinkedHashMap<>();
    private final Map<String, Boolean> everReady = new LinkedHashMap<>();
    private int modified;
    private final java.util.Set<String> failed = new java.util.HashSet<>();
    private final java.util.Set<String> lost = new java.util.LinkedHashSet<>();

    private static final String SERVE_SETTINGS = "api:\n  adminTokenFile: admin-token\n"
            + "scheduler:\n  gcIntervalSeconds: 5\n  maxConcurrentRequests: 4\n";

    /** On the local target, whose provisioners fail one time in {@code failOneIn} (0: never). */
    ServeChaos(CliLab lab, Plan plan, int failOneIn, PrintStream log) throws IOException {
        this(lab, plan, log, lab.config(Map.of("utility", failOneIn > 0 ? "sleep 1; [ $(od -An -N2 -tu2 /dev/urandom)"
                + " -ge " + (65536 / failOneIn) + " ] || { echo injected-provisioner-fault >&2; exit 7; }"
                : "sleep 1"), SERVE_SETTINGS), false);
    }

    private ServeChaos(CliLab lab, Plan plan, PrintStream log, Path config, boolean docker) throws IOException {
        this.lab = lab;
        this.plan = plan;
        this.random = new Random(plan.seed());
        this.log = log;
        this.token = lab.temp.resolve("admin-token");
        Files.writeString(token, "chaos-admin-token-0123456789\n");
        this.config = config;
        this.docker = docker;
    }

    /** On the docker target (the real Docker engine; the stand-in images of {@code lab}'s curriculum must exist). */
    static ServeChaos onDocker(CliLab lab, Plan plan, PrintStream log) throws IOException {
        Path config = lab.temp.resolve("docker.yml");
        Files.writeString(config, "instanceId: " + CliLab.INSTANCE + "\ncurriculumDir: curriculum\nliveLessonTTL: 600\n"
                + SERVE_SETTINGS + "backendConfigs:\n  terraform:\n    target: docker\n    readinessTimeoutSeconds: 120\n"
                + "    runner:\n      workDir: work\n      cancelGraceSeconds: 5\n    docker:\n      hostDir: "
                + lab.temp.resolve("host") + "\n");
        return new ServeChaos(lab, plan, log, config, true);
    }

    Tally run() throws Exception {
        long start = System.nanoTime();
        startServe();
        List<String> problems = new ArrayList<>();
        java.util.Set<Integer> forced = new java.util.TreeSet<>();
        while (forced.size() < Math.min(plan.minServeKills(), plan.lifecycles())) {
            forced.add(1 + random.nextInt(plan.lifecycles()));
        }
        int created = 0;
        try {
            while (created < plan.lifecycles() || !active().isEmpty()) {
                List<String> active = active();
                double roll = random.nextDouble();
                if (roll < plan.serveKillChance()) {
                    killServe();
                    startServe();
                    restarts++;
                } else if (roll < plan.serveKillChance() + plan.terraformKillChance()) {
                    killTerraform();
                } else if (created < plan.lifecycles() && active.size() < plan.atOnce()) {
                    create();
                    created++;
                    if (forced.remove(created)) {
                        Thread.sleep(random.nextInt(6000));
                        killServe();
                        startServe();
                        restarts++;
                    }
                } else if (!active.isEmpty()) {
                    String id = active.get(random.nextInt(active.size()));
                    Optional<LiveLesson> l = read(id);
                    if (l.isPresent() && l.get().status() == LiveLessonStatus.READY && !l.get().error()
                            && random.nextInt(3) == 0) {
                        modify(l.get());
                    } else if (l.isEmpty() || l.get().status() == LiveLessonStatus.READY || l.get().error()
                            || random.nextInt(10) == 0) {
                        delete(id);
                    }
                }
                Thread.sleep(200 + random.nextInt(1500));
                noteReady();
            }
            settle(problems);
        } finally {
            stopServe();
        }
        checkNothingLeft(problems);
        problems.addAll(lost);
        int ready = (int) everReady.values().stream().filter(b -> b).count();
        return new Tally(created, ready, failed.size(), modified, (int) asked.values().stream()
                .filter(b -> b).count(), serveKills, terraformKills, restarts, problems,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private List<String> active() {
        return asked.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
    }

    private void startServe() throws Exception {
        serveNumber++;
        serve = CliProcess.start(lab.temp, "serve-" + serveNumber, lab.args("serve", config, "--http-port", "0"));
        serve.await("serving", Duration.ofSeconds(180), () -> serve.errContains("antidote-tf: serving instance"));
        api = ApiClient.of(serve);
        log.println("serve #" + serveNumber + " started");
    }

    private void killServe() throws Exception {
        serve.signal("KILL");
        serve.process.waitFor();
        serve.close();
        serveKills++;
        log.println("serve #" + serveNumber + " killed with SIGKILL");
    }

    private void stopServe() throws Exception {
        if (serve != null && serve.process.isAlive()) {
            serve.signal("TERM");
            serve.process.waitFor();
        }
    }

    private void killTerraform() throws IOException, InterruptedException {
        List<ProcessHandle> tf = serve.process.descendants().filter(p -> p.info().command().orElse("")
                .endsWith("terraform")).toList();
        if (tf.isEmpty()) {
            return;
        }
        ProcessHandle victim = tf.get(random.nextInt(tf.size()));
        new ProcessBuilder("kill", "-KILL", Long.toString(victim.pid())).start().waitFor();
        terraformKills++;
        log.println("killed terraform " + victim.pid());
    }

    private void create() throws IOException, InterruptedException {
        ApiClient.Answer a = api.requestLesson(api.session(), "lab", 0);
        if (a.status() != 200) {
            throw new AssertionError("POST /exp/livelesson: " + a);
        }
        String id = a.json().path("id").asText();
        if (id.isEmpty()) {
            throw new AssertionError("POST /exp/livelesson answered no id: " + a);
        }
        asked.put(id, false);
        everReady.put(id, false);
    }

    private void modify(LiveLesson l) throws IOException, InterruptedException {
        ApiClient.Answer a = api.requestLesson(l.sessionId(), "lab", 1 - l.stage());
        if (a.status() == 200) {
            modified++;
        }
    }

    private void delete(String id) throws IOException, InterruptedException {
        ApiClient.Answer a = api.call("DELETE", "/admin/livelesson/" + id, null, "Authorization",
                "Bearer chaos-admin-token-0123456789");
        if (a.status() != 200 && a.status() != 404) {
            throw new AssertionError("DELETE /admin/livelesson/" + id + ": " + a);
        }
        asked.put(id, true);
    }

    private Optional<LiveLesson> read(String id) {
        try (SqliteDataManager db = lab.openDb()) {
            return db.getLiveLesson(id);
        }
    }

    /**
     * Notes each livelesson that is READY, and each that failed (a failure without an error detail is a problem); a
     * livelesson the run did not ask to delete must never be missing (a problem: lost).
     */
    private void noteReady() {
        try (SqliteDataManager db = lab.openDb()) {
            Map<String, LiveLesson> now = new LinkedHashMap<>();
            db.listLiveLessons().forEach(l -> now.put(l.id(), l));
            for (LiveLesson l : now.values()) {
                if (l.status() == LiveLessonStatus.READY && !l.error()) {
                    everReady.put(l.id(), true);
                }
                if (l.error() && failed.add(l.id()) && l.errorDetail().isBlank()) {
                    lost.add("livelesson " + l.id() + " failed without an error detail");
                }
            }
            asked.forEach((id, deleting) -> {
                if (!deleting && !now.containsKey(id)) {
                    lost.add("livelesson " + id + " lost: gone without a DELETE");
                }
            });
        }
    }

    /**
     * Waits (bounded) until every livelesson asked to be deleted is gone and every other one is READY or Error with
     * a detail; then deletes the rest and waits until none is left.
     */
    private void settle(List<String> problems) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            List<String> unsettled = new ArrayList<>();
            try (SqliteDataManager db = lab.openDb()) {
                for (Map.Entry<String, Boolean> e : asked.entrySet()) {
                    Optional<LiveLesson> l = db.getLiveLesson(e.getKey());
                    if (e.getValue() ? l.isPresent() : l.isEmpty() || !settled(l.get())) {
                        unsettled.add(e.getKey() + (l.map(x -> " " + x.status() + (x.error() ? " error" : ""))
                                .orElse(" gone")));
                    }
                }
            }
            if (unsettled.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                problems.add("not settled within 5 min: " + unsettled);
                break;
            }
            Thread.sleep(500);
            noteReady();
        }
        noteReady();
        for (String id : List.copyOf(asked.keySet())) {
            if (!asked.get(id)) {
                delete(id);
            }
        }
        serve.await("every livelesson deleted", Duration.ofMinutes(5), () -> {
            try (SqliteDataManager db = lab.openDb()) {
                return db.listLiveLessons().isEmpty() && db.ledger().pendingDestroys().isEmpty()
                        && db.ledger().claims().isEmpty();
            }
        });
    }

    private static boolean settled(LiveLesson l) {
        return l.error() || l.status() == LiveLessonStatus.READY;
    }

    /** No workspace, no ledger entry, and (after a bounded wait) no process running in the work directory. */
    private void checkNothingLeft(List<String> problems) throws Exception {
        Path stacks = lab.workDir.resolve(CliLab.INSTANCE);
        if (Files.isDirectory(stacks)) {
            try (Stream<Path> s = Files.list(stacks)) {
                List<Path> left = s.filter(Files::isDirectory).toList();
                if (!left.isEmpty()) {
                    problems.add("workspaces left: " + left);
                }
            }
        }
        try (SqliteDataManager db = lab.openDb()) {
            if (!db.ledger().deletions().isEmpty() || !db.ledger().pendingDestroys().isEmpty()) {
                problems.add("ledger entries left: " + db.ledger().deletions() + " " + db.ledger().pendingDestroys());
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> running = CliLab.processesUnder(lab.workDir);
        while (!running.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            running = CliLab.processesUnder(lab.workDir);
        }
        if (!running.isEmpty()) {
            problems.add("processes left in the work directory: " + running);
        }
        if (docker) {
            String containers = io.antidote.tf.testing.DockerEngine.docker(Duration.ofSeconds(30), "ps", "-aq",
                    "--filter", "label=antidoteId=" + CliLab.INSTANCE).ok();
            String networks = io.antidote.tf.testing.DockerEngine.docker(Duration.ofSeconds(30), "network", "ls",
                    "-q", "--filter", "name=antidote-" + CliLab.INSTANCE + "-").ok();
            if (!containers.isEmpty() || !networks.isEmpty()) {
                problems.add("containers left: [" + containers + "], networks left: [" + networks + "]");
            }
        }
    }
}
