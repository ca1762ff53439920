package io.antidote.tf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.state.SqliteDataManager;
import io.antidote.tf.testing.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code serve} as a process, its API driven by a real HTTP client the way antidote-web drives it, on the local
 * target with a real listener for the lesson's endpoint and the real terraform: a session, a livelesson polled every
 * 500 ms until READY, a stage change (CONFIGURATION, then READY), the same lesson requested again, every error of the
 * reference, a livelesson that fails (the endpoint's hook exits 3) and the answers the UI then gets, the operators'
 * kill, and SIGTERM: exit 0 with running work finished (or cancelled when the grace is short), nothing left.
 */
class ServeApiIT {
    private static final String TOKEN = "serve-api-it-operator-token";

    @Test
    void theUisSequenceAgainstServe() throws Exception {
        Requirements.tool("terraform");
        try (CliLab lab = new CliLab()) {
            Path flag = lab.temp.resolve("fail-next");
            Files.writeString(lab.temp.resolve("token"), TOKEN + "\n");
            Path config = lab.config(Map.of("utility", "test ! -e " + flag + " || { echo injected >&2; exit 3; }"),
                    "api:\n  adminTokenFile: token");
            try (CliProcess serve = CliProcess.start(lab.temp, "serve", lab.args("serve", config, "--http-port", "0"))) {
                serve.await("serving", Duration.ofSeconds(60), () -> serve.errContains("antidote-tf: serving instance"));
                ApiClient api = ApiClient.of(serve);
                assertThat(api.get("/").text()).isEqualTo("{}");

                String session = api.session();
                ApiClient.Answer created = api.requestLesson(session, "lab", 0);
                assertThat(created.status()).as(created.text()).isEqualTo(200);
                String id = created.json().path("id").asText();
                List<String> seen = new ArrayList<>();
                ApiClient.Answer ready = api.pollUntilReady(id, Duration.ofSeconds(120), seen);
                assertThat(ready.status()).as(ready.text() + "; serve: " + serve.err()).isEqualTo(200);
                assertThat(seen).last().isEqualTo("READY");
                assertThat(List.of("INITIALIZED", "BOOTING", "CONFIGURATION", "READY")).containsSubsequence(seen);
                JsonNode live = ready.json();
                assertThat(live.path("LiveEndpoints").path("web1").path("Host").asText()).isEqualTo("127.0.0.1");
                assertThat(live.path("LiveEndpoints").path("web1").path("LivePresentations").get(0).path("HepDomain")
                        .asText()).isEqualTo(CliLab.INSTANCE + "-" + id + "-web1-web.localhost");
                assertThat(live.path("HealthyTests").asInt()).isEqualTo(live.path("TotalTests").asInt()).isPositive();
                assertThat(live.has("CurrentStage")).isFalse();

                assertThat(api.requestLesson(session, "lab", 0).json().path("id").asText()).isEqualTo(id);
                assertThat(api.requestLesson(session, "lab", 1).json().path("id").asText()).isEqualTo(id);
                List<String> staged = new ArrayList<>();
                JsonNode atStage1 = api.pollUntilReady(id, Duration.ofSeconds(120), staged).json();
                assertThat(staged).as("a stage change goes through CONFIGURATION").first().isEqualTo("CONFIGURATION");
                assertThat(atStage1.path("CurrentStage").asInt()).isEqualTo(1);
                assertThat(atStage1.path("GuideContents").asText()).isEqualTo("# stage 1\n");

                assertReferenceErrors(api, session);

                Files.writeString(flag, "");
                String other = api.session();
                String failing = api.requestLesson(other, "lab", 0).json().path("id").asText();
                ApiClient.Answer failed = api.pollUntilReady(failing, Duration.ofSeconds(120), new ArrayList<>());
                assertThat(failed.status()).isEqualTo(500);
                assertThat(failed.json().path("error").asText())
                        .isEqualTo("Livelesson encountered errors during provisioning. See antidote logs");
                ApiClient.Answer again = api.requestLesson(other, "lab", 0);
                assertThat(again.status()).isEqualTo(500);
                assertThat(again.json().path("error").asText())
                        .isEqualTo("Sorry, this lesson is having some problems. Please try again later");
                Files.delete(flag);

                ApiClient.Answer unauthorized = api.call("DELETE", "/admin/livelesson/" + id, null);
                assertThat(unauthorized.status()).isEqualTo(401);
                for (String kill : List.of(id, failing)) {
                    ApiClient.Answer k = api.call("DELETE", "/admin/livelesson/" + kill, null,
                            "Authorization", "Bearer " + TOKEN);
                    assertThat(k.text()).isEqualTo("{\"success\":true}");
                }
                serve.await("both livelessons deleted", Duration.ofSeconds(120), () -> {
                    try (SqliteDataManager db = lab.openDb()) {
                        return db.listLiveLessons().isEmpty();
                    }
                });
                String metrics = api.get("/metrics").text();
                assertThat(metrics).contains("antidote_request_duration_seconds_count{operation=\"CREATE\",outcome=\"ok\"} 1",
                        "antidote_request_duration_seconds_count{operation=\"CREATE\",outcome=\"failed\"} 1",
                        "antidote_request_duration_seconds_count{operation=\"MODIFY\",outcome=\"ok\"} 1",
                        "antidote_request_duration_seconds_count{operation=\"DELETE\",outcome=\"ok\"} 2");
                assertThat(metrics).containsPattern("antidote_terraform_commands_total\\{phase=\"apply\"\\} [1-9]");
                assertThat(metrics).containsPattern("antidote_terraform_command_failures_total\\{phase=\"apply\"\\} [1-9]");

                serve.signal("TERM");
                assertThat(serve.process.waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
                assertThat(serve.process.exitValue()).as(serve.err()).isZero();
                assertThat(serve.err()).contains("antidote-tf: stopping (SIGTERM)", "antidote-tf: stopped")
                        .doesNotContain(TOKEN);
            }
            lab.assertNothingLeft();
        }
    }

    private static void assertReferenceErrors(ApiClient api, String session) throws Exception {
        record Case(String body, int status, int code, String text) {
        }
        for (Case c : List.of(
                new Case("{\"lessonSlug\":\"lab\"}", 400, 3, "Session ID cannot be nil"),
                new Case("{\"lessonSlug\":\"lab\",\"sessionId\":\"nosuch\"}", 400, 3, "Invalid session ID nosuch"),
                new Case("{\"sessionId\":\"" + session + "\"}", 400, 3, "Lesson Slug cannot be nil"),
                new Case("{\"sessionId\":\"" + session + "\",\"lessonSlug\":\"nope\"}", 404, 5,
                        "Couldn't find lesson slug 'nope'"),
                new Case("{\"sessionId\":\"" + session + "\",\"lessonSlug\":\"lab\",\"lessonStage\":7}", 400, 3,
                        "Invalid stage ID for this lesson"))) {
            ApiClient.Answer a = api.post("/exp/livelesson", c.body());
            assertThat(a.status()).as(c.body()).isEqualTo(c.status());
            assertThat(a.text()).as(c.body()).isEqualTo("{\"error\":\"" + c.text() + "\",\"code\":"
                    + c.code() + ",\"message\":\"" + c.text() + "\"}");
        }
        ApiClient.Answer unknown = api.get("/exp/livelesson/nosuch");
        assertThat(unknown.status()).isEqualTo(500);
        assertThat(unknown.json().path("error").asText()).isEqualTo("livelesson not found");
    }

    @Test
    void sigtermLetsARunningCreateFinishWithinTheGraceAndExitsZero() throws Exception {
        Requirements.tool("terraform");
        try (CliLab lab = new CliLab()) {
            Path config = lab.config(Map.of("utility", "sleep 6"), "scheduler:\n  shutdownGraceSeconds: 60");
            try (CliProcess serve = CliProcess.start(lab.temp, "serve", lab.args("serve", config, "--http-port", "0"))) {
                serve.await("serving", Duration.ofSeconds(60), () -> serve.errContains("antidote-tf: serving instance"));
                ApiClient api = ApiClient.of(serve);
                String id = api.requestLesson(api.session(), "lab", 0).json().path("id").asText();
                serve.await("BOOTING", Duration.ofSeconds(60), () -> status(lab, id) == LiveLessonStatus.BOOTING);
                serve.signal("TERM");
                assertThat(serve.process.waitFor(120, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
                assertThat(serve.process.exitValue()).as(serve.err()).isZero();
                try (SqliteDataManager db = lab.openDb()) {
                    LiveLesson done = db.getLiveLesson(id).orElseThrow();
                    assertThat(done.status()).as("the CREATE finished in the grace; " + serve.err())
                            .isEqualTo(LiveLessonStatus.READY);
                    assertThat(done.error()).isFalse();
                }
            }
            assertThat(CliLab.run(lab.args("down", config, id(lab))).exit()).isZero();
            lab.assertNothingLeft();
        }
    }

    @Test
    void sigtermInterruptsARunningCreateWhenTheGraceIsShortLeavesItForTheNextStartAndExitsZero() throws Exception {
        Requirements.tool("terraform");
        try (CliLab lab = new CliLab()) {
            Path config = lab.config(Map.of("utility", "sleep 120"), "scheduler:\n  shutdownGraceSeconds: 2");
            try (CliProcess serve = CliProcess.start(lab.temp, "serve", lab.args("serve", config, "--http-port", "0"))) {
                serve.await("serving", Duration.ofSeconds(60), () -> serve.errContains("antidote-tf: serving instance"));
                ApiClient api = ApiClient.of(serve);
                String id = api.requestLesson(api.session(), "lab", 0).json().path("id").asText();
                serve.await("BOOTING", Duration.ofSeconds(60), () -> status(lab, id) == LiveLessonStatus.BOOTING);
                Thread.sleep(1000);
                long start = System.nanoTime();
                serve.signal("TERM");
                assertThat(serve.process.waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
                assertThat(serve.process.exitValue()).as(serve.err()).isZero();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("well before the hook's 120 s")
                        .isLessThan(Duration.ofSeconds(60));
                try (SqliteDataManager db = lab.openDb()) {
                    LiveLesson left = db.getLiveLesson(id).orElseThrow();
                    assertThat(left.error()).as("left for the next start, not failed: " + serve.err()).isFalse();
                    assertThat(left.status()).isEqualTo(LiveLessonStatus.BOOTING);
                    assertThat(db.ledger().claims()).as("its claim released").isEmpty();
                }
            }
            assertThat(CliLab.run(lab.args("down", config, id(lab))).exit()).isZero();
            lab.assertNothingLeft();
        }
    }

    private static LiveLessonStatus status(CliLab lab, String id) {
        try (SqliteDataManager db = lab.openDb()) {
            return db.getLiveLesson(id).map(LiveLesson::status).orElse(null);
        }
    }

    private static String id(CliLab lab) {
        try (SqliteDataManager db = lab.openDb()) {
            return db.listLiveLessons().get(0).id();
        }
    }
}
