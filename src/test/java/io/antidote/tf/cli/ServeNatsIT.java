package io.antidote.tf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.scheduler.nats.NatsServer;
import io.antidote.tf.state.SqliteDataManager;
import io.antidote.tf.testing.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two {@code serve} processes behind one real nats-server, with the same state database and work directory
 * ({@code scheduler.queue: nats}): livelessons requested through both APIs are each created exactly once (the
 * endpoint's hook, run by the terraform that creates it, writes its stack directory to a file: one line per
 * livelesson), all become READY, and are deleted through either API.
 */
class ServeNatsIT {
    private static final String TOKEN = "serve-nats-it-operator-token";
    private static final int LESSONS = 6;

    @Test
    void twoInstancesShareTheRequestsAndNoneRunsOneTwice() throws Exception {
        Requirements.tool("terraform");
        try (CliLab lab = new CliLab(); NatsServer nats = NatsServer.start(lab.temp)) {
            Path creates = lab.temp.resolve("creates.log");
            Files.writeString(lab.temp.resolve("token"), TOKEN + "\n");
            Path config = lab.config(Map.of("utility", "pwd >> " + creates), "natsUrl: " + nats.url()
                    + "\nscheduler:\n  queue: nats\napi:\n  adminTokenFile: token");
            try (CliProcess a = CliProcess.start(lab.temp, "serve-a", lab.args("serve", config, "--http-port", "0"));
                    CliProcess b = CliProcess.start(lab.temp, "serve-b", lab.args("serve", config, "--http-port", "0"))) {
                for (CliProcess p : List.of(a, b)) {
                    p.await("serving", Duration.ofSeconds(90), () -> p.errContains("antidote-tf: serving instance"));
                    assertThat(p.err()).contains("queue group antidote-tf-" + CliLab.INSTANCE);
                }
                List<ApiClient> apis = List.of(ApiClient.of(a), ApiClient.of(b));
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < LESSONS; i++) {
                    ApiClient api = apis.get(i % 2);
                    ApiClient.Answer r = api.requestLesson(api.session(), "lab", 0);
                    assertThat(r.status()).as(r.text()).isEqualTo(200);
                    ids.add(r.json().path("id").asText());
                }
                for (int i = 0; i < LESSONS; i++) {
                    ApiClient.Answer ready = apis.get((i + 1) % 2).pollUntilReady(ids.get(i), Duration.ofSeconds(240),
                            new ArrayList<>());
                    assertThat(ready.status()).as(ready.text() + "\nA: " + a.err() + "\nB: " + b.err()).isEqualTo(200);
                }
                Map<String, Long> runs = Files.readAllLines(creates).stream()
                        .map(line -> Path.of(line.strip()).getFileName().toString())
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                assertThat(runs).as("each livelesson's endpoint created exactly once").hasSize(LESSONS)
                        .containsOnlyKeys(ids).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));

                for (int i = 0; i < LESSONS; i++) {
                    ApiClient.Answer k = apis.get(i % 2).call("DELETE", "/admin/livelesson/" + ids.get(i), null,
                            "Authorization", "Bearer " + TOKEN);
                    assertThat(k.status()).as(k.text()).isEqualTo(200);
                }
                a.await("every livelesson deleted", Duration.ofSeconds(240), () -> {
                    try (SqliteDataManager db = lab.openDb()) {
                        return db.listLiveLessons().isEmpty();
                    }
                });
                for (CliProcess p : List.of(a, b)) {
                    p.signal("TERM");
                }
                for (CliProcess p : List.of(a, b)) {
                    assertThat(p.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                    assertThat(p.process.exitValue()).as(p.err()).isZero();
                }
                assertThat(Files.readAllLines(creates)).as("no CREATE ran again").hasSize(LESSONS);
            }
            lab.assertNothingLeft();
        }
    }

    static LiveLessonStatus status(SqliteDataManager db, String id) {
        return db.getLiveLesson(id).map(LiveLesson::status).orElse(null);
    }
}
