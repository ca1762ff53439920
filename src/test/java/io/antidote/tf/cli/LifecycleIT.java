package io.antidote.tf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.stack.local.LocalStackSynthesizer;
import io.antidote.tf.state.SqliteDataManager;
import io.antidote.tf.testing.Requirements;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lesson lifecycle from a shell, in-process through {@link Main#run}, with the real terraform and the local
 * target: up, stage, list, down, failures, and prune. Each invocation is a separate command sharing only the SQLite
 * file, as separate shells would.
 */
class LifecycleIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    CliLab lab;

    @BeforeEach
    void setUp() throws IOException {
        Requirements.tool("terraform");
        lab = new CliLab();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (lab != null) {
            lab.assertNothingLeft();
            lab.close();
        }
    }

    private LiveLesson stored(String id) {
        try (SqliteDataManager db = lab.openDb()) {
            return db.getLiveLesson(id).orElse(null);
        }
    }

    @Test
    void upStageListDownRunTheWholeLifecycle() throws IOException {
        Path config = lab.config();
        CliLab.Run up = CliLab.run(lab.args("up", config, "--lesson", "lab", "--session", "s-one", "--output", "json"));
        assertThat(up.exit()).as(up.err()).isZero();
        JsonNode shown = JSON.readTree(up.out());
        String id = shown.get("id").asText();
        assertThat(shown.get("status").asText()).isEqualTo("READY");
        assertThat(shown.get("error").asBoolean()).isFalse();
        assertThat(shown.get("endpoints").get(0).get("host").asText()).isEqualTo("127.0.0.1");
        assertThat(shown.get("endpoints").get(0).get("ports").get(0).asInt()).isEqualTo(lab.port());
        assertThat(up.err()).contains("apply_start terraform_data.endpoint_web1 (create)")
                .containsPattern("apply_complete terraform_data\\.endpoint_web1 \\(create, \\d+\\.\\ds\\)");
        assertThat(up.out() + up.err()).doesNotContain(CliLab.CONFIG_PASSWORD, "Ssh-Secret-Pa55");
        LiveLesson ready = stored(id);
        assertThat(ready.status()).isEqualTo(LiveLessonStatus.READY);
        assertThat(ready.sessionId()).isEqualTo("s-one");
        try (SqliteDataManager db = lab.openDb()) {
            assertThat(db.getLiveSession("s-one")).isPresent();
            assertThat(db.getLesson("lab")).isPresent();
        }

        CliLab.Run stage = CliLab.run(lab.args("stage", config, id, "1"));
        assertThat(stage.exit()).as(stage.err()).isZero();
        assertThat(stage.out()).startsWith("livelesson " + id + " READY: lesson lab, stage 1");
        LiveLesson staged = stored(id);
        assertThat(staged.stage()).isEqualTo(1);
        assertThat(staged.guideContents()).isEqualTo("# stage 1\n");
        assertThat(Files.readAllLines(lab.stackDir(id).resolve(LocalStackSynthesizer.CONFIGURATION_LOG)))
                .containsExactly("web1 stage 0 python web1.py", "web1 stage 1 python web1.py");

        CliLab.Run list = CliLab.run(lab.args("list", config));
        assertThat(list.out().lines().skip(1)).singleElement().asString()
                .contains(id, "lab", "READY", "s-one", "web1=127.0.0.1:" + lab.port());

        CliLab.Run down = CliLab.run(lab.args("down", config, id));
        assertThat(down.exit()).as(down.err()).isZero();
        assertThat(down.out()).isEqualTo("livelesson " + id + " removed\n");
        assertThat(stored(id)).isNull();
        assertThat(lab.stackDir(id)).doesNotExist();
    }

    @Test
    void aFailedUpKeepsTheLiveLessonWithErrorAndDownRemovesIt() throws IOException {
        Path config = lab.config(Map.of("utility", "echo boom >&2; exit 3"), "");
        CliLab.Run up = CliLab.run(lab.args("up", config, "--lesson", "lab"));
        assertThat(up.exit()).isEqualTo(ExitCodes.FAILED);
        String id = up.out().split(" ")[1];
        assertThat(up.out()).startsWith("livelesson " + id + " BOOTING (Error)");
        assertThat(up.errLines()).filteredOn(l -> l.startsWith("antidote-tf: ")).singleElement().asString()
                .contains("livelesson " + id + " failed", "antidote-tf down " + id);
        assertThat(up.err()).doesNotContain("\tat ");
        assertThat(stored(id).error()).isTrue();
        assertThat(lab.stackDir(id)).as("the partial stack was destroyed at once").doesNotExist();

        CliLab.Run down = CliLab.run(lab.args("down", config, id));
        assertThat(down.exit()).as(down.err()).isZero();
        assertThat(stored(id)).isNull();
    }

    @Test
    void aDestroyThatFailsRemovesTheStateKeepsTheWorkspaceAndExitsOne() throws IOException {
        Path config = lab.config();
        CliLab.Run up = CliLab.run(lab.args("up", config, "--lesson", "lab", "--output", "json"));
        assertThat(up.exit()).as(up.err()).isZero();
        String id = JSON.readTree(up.out()).get("id").asText();
        Path state = lab.stackDir(id).resolve("terraform.tfstate");
        assertThat(state).exists();
        Files.writeString(state, "{ this is not terraform state");

        CliLab.Run down = CliLab.run(lab.args("down", config, id));
        assertThat(down.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(down.errLines()).filteredOn(l -> l.startsWith("antidote-tf: ")).singleElement().asString()
                .contains("destroying livelesson " + id + " failed", "its state is removed",
                        "its workspace " + lab.stackDir(id) + " is kept", "prune --orphans");
        assertThat(stored(id)).isNull();
        assertThat(lab.stackDir(id)).exists();
        deleteTree(lab.stackDir(id));
    }

    @Test
    void pruneRemovesOrphanedStacksAndIdleLiveLessons() throws IOException {
        Path config = lab.config(Map.of(), "liveLessonTTL: 1");
        String orphan = upJson(config);
        String idle = upJson(config);
        String fresh = upJson(config);
        try (SqliteDataManager db = lab.openDb()) {
            db.deleteLiveLesson(orphan);
            db.updateLiveLessonLastActiveTime(idle, Instant.now().minusSeconds(120));
        }
        CliLab.Run prune = CliLab.run(lab.args("prune", config, "--orphans"));
        assertThat(prune.exit()).as(prune.err()).isZero();
        assertThat(prune.out().lines()).satisfiesExactly(
                l -> assertThat(l).isEqualTo("removed orphaned stack " + orphan),
                l -> assertThat(l).startsWith("removed livelesson " + idle + " (lesson lab, last active "));
        assertThat(lab.stackDir(orphan)).doesNotExist();
        assertThat(lab.stackDir(idle)).doesNotExist();
        assertThat(stored(idle)).isNull();
        assertThat(stored(fresh).status()).isEqualTo(LiveLessonStatus.READY);
        assertThat(lab.stackDir(fresh)).exists();

        assertThat(CliLab.run(lab.args("prune", config)).out()).as("nothing more to prune").isEmpty();
        assertThat(CliLab.run(lab.args("down", config, fresh)).exit()).isZero();
    }

    private String upJson(Path config) throws IOException {
        CliLab.Run up = CliLab.run(lab.args("up", config, "--lesson", "lab", "--output", "json"));
        assertThat(up.exit()).as(up.err()).isZero();
        return JSON.readTree(up.out()).get("id").asText();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
