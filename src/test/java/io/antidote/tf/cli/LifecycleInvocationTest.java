package io.antidote.tf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.live.LiveEndpoint;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.live.LivePresentation;
import io.antidote.tf.lesson.GuideType;
import io.antidote.tf.lesson.PresentationType;
import io.antidote.tf.state.SqliteDataManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every bad invocation of the lifecycle commands, through the real entry point in-process: one line on stderr naming
 * what is wrong, no stack trace, a non-zero exit, and nothing written (no database, no workspace). Also {@code list},
 * which needs no terraform.
 */
class LifecycleInvocationTest {
    CliLab lab;

    @BeforeEach
    void setUp() throws IOException {
        lab = new CliLab();
    }

    @AfterEach
    void tearDown() throws IOException {
        lab.assertNothingLeft();
        lab.close();
    }

    private void assertOneLine(CliLab.Run run, int exit, String... fragments) {
        assertThat(run.exit()).as(run.toString()).isEqualTo(exit);
        assertThat(run.errLines()).as(run.err()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("antidote-tf: ").contains(fragments);
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
        assertThat(run.out()).isEmpty();
    }

    private void assertNothingWritten() {
        assertThat(lab.db).doesNotExist();
        assertThat(lab.workDir.resolve(CliLab.INSTANCE)).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"up", "stage", "down", "list", "prune", "serve"})
    void anUnknownOptionIsOneUsageLine(String command) throws IOException {
        List<String> rest = new java.util.ArrayList<>(required(command));
        rest.add("--bogus");
        assertOneLine(CliLab.run(lab.args(command, lab.config(), rest.toArray(String[]::new))), ExitCodes.USAGE,
                "Unknown option: '--bogus'", "antidote-tf " + command + " --help");
        assertNothingWritten();
    }

    @ParameterizedTest
    @ValueSource(strings = {"up", "stage", "down", "list", "prune", "serve"})
    void aMissingConfigurationFileIsOneUsageLine(String command) {
        Path missing = lab.temp.resolve("nope.yml");
        assertOneLine(CliLab.run(lab.args(command, missing, required(command).toArray(String[]::new))), ExitCodes.USAGE,
                missing + ": no such file");
        assertNothingWritten();
    }

    /** The arguments {@code command} requires besides --config. */
    private static List<String> required(String command) {
        return switch (command) {
            case "up" -> List.of("--lesson", "lab");
            case "stage" -> List.of("abc", "1");
            case "down" -> List.of("abc");
            default -> List.of();
        };
    }

    @Test
    void aMalformedConfigurationIsOneLineNamingTheKey() throws IOException {
        Path bad = lab.temp.resolve("bad.yml");
        Files.writeString(bad, "instanceId: clitest\ncurriculumDir: curriculum\nliveLessonTTL: soon\n");
        assertOneLine(CliLab.run(lab.args("up", bad, "--lesson", "lab")), ExitCodes.USAGE, "bad.yml: liveLessonTTL");
        assertNothingWritten();
    }

    @Test
    void anUnknownLessonNamesTheLessonsThereAre() throws IOException {
        assertOneLine(CliLab.run(lab.args("up", lab.config(), "--lesson", "nope")), ExitCodes.USAGE,
                "no lesson 'nope'", "(lessons: lab)");
        assertNothingWritten();
    }

    @Test
    void aLessonOfALowerTierIsNotOffered() throws IOException {
        assertOneLine(CliLab.run(lab.args("up", lab.config(), "--lesson", "later")), ExitCodes.USAGE,
                "lesson 'later' is tier local, which an instance of tier prod does not offer");
        assertNothingWritten();
    }

    @Test
    void aStageTheLessonLacksIsOneUsageLine() throws IOException {
        assertOneLine(CliLab.run(lab.args("up", lab.config(), "--lesson", "lab", "--stage", "2")), ExitCodes.USAGE,
                "lesson 'lab' has stages 0..1, there is no stage 2");
        assertNothingWritten();
    }

    @Test
    void aMissingCurriculumIsOneUsageLine() throws IOException {
        Path nowhere = lab.temp.resolve("nowhere");
        assertOneLine(CliLab.run(lab.args("up", lab.config(), "--lesson", "lab", "--curriculum", nowhere.toString())),
                ExitCodes.USAGE, "curriculum directory " + nowhere + " does not exist");
        assertNothingWritten();
    }

    @Test
    void terraformMissingFromPathIsOneLineAndLeavesNoDatabase() throws IOException {
        Path config = lab.config(Map.of(), "");
        Files.writeString(config, Files.readString(config).replace("      workDir: work\n",
                "      workDir: work\n      binary: no-such-terraform-here\n"));
        assertOneLine(CliLab.run(lab.args("up", config, "--lesson", "lab")), ExitCodes.FAILED,
                "terraform binary 'no-such-terraform-here' not found");
        assertNothingWritten();
    }

    @Test
    void aDatabaseThatCannotBeWrittenIsOneLine() throws IOException {
        Path file = lab.temp.resolve("a-file");
        Files.writeString(file, "not a directory");
        Path db = file.resolve("antidote-tf.db");
        CliLab.Run run = CliLab.run("up", "--config", lab.config().toString(), "--db", db.toString(), "--lesson", "lab");
        assertOneLine(run, ExitCodes.FAILED, "state database " + db, file + " is not a directory");
        assertThat(lab.workDir.resolve(CliLab.INSTANCE)).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"down", "stage"})
    void anUnknownLiveLessonIsOneUsageLine(String command) throws IOException {
        String[] rest = command.equals("down") ? new String[] {"nosuchid00"} : new String[] {"nosuchid00", "1"};
        assertOneLine(CliLab.run(lab.args(command, lab.config(), rest)), ExitCodes.USAGE,
                "no livelesson 'nosuchid00' in " + lab.db);
        assertNothingWritten();
    }

    @Test
    void aStageChangeNeedsAReadyLiveLesson() throws IOException {
        try (SqliteDataManager db = lab.openDb()) {
            db.createLiveLesson(liveLesson("booting01", LiveLessonStatus.BOOTING, false));
        }
        assertOneLine(CliLab.run(lab.args("stage", lab.config(), "booting01", "1")), ExitCodes.USAGE,
                "livelesson booting01 is BOOTING; only a READY livelesson changes stage");
        try (SqliteDataManager db = lab.openDb()) {
            assertThat(db.getLiveLesson("booting01").orElseThrow().stage()).isZero();
        }
    }

    @Test
    void listOfAnAbsentDatabaseIsEmptyAndCreatesNothing() throws IOException {
        CliLab.Run text = CliLab.run(lab.args("list", lab.config()));
        assertThat(text.exit()).isZero();
        assertThat(text.out().lines()).singleElement().asString().startsWith("ID").contains("ENDPOINTS");
        CliLab.Run json = CliLab.run(lab.args("list", lab.config(), "--output", "json"));
        assertThat(json.out().strip()).isEqualTo("[ ]");
        assertNothingWritten();
    }

    @Test
    void anInMemoryDatabaseIsNotAFile() throws IOException {
        CliLab.Run run = CliLab.run("list", "--config", lab.config().toString(), "--db", ":memory:", "--output", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("[ ]");
        assertThat(Path.of(":memory:")).doesNotExist();
    }

    @Test
    void listShowsEveryLiveLessonWithoutItsPasswords() throws IOException {
        try (SqliteDataManager db = lab.openDb()) {
            db.createLiveLesson(liveLesson("ready00001", LiveLessonStatus.READY, false));
            db.createLiveLesson(liveLesson("failed0001", LiveLessonStatus.BOOTING, true));
        }
        CliLab.Run text = CliLab.run(lab.args("list", lab.config()));
        assertThat(text.exit()).isZero();
        assertThat(text.out().lines().skip(1)).satisfiesExactly(
                l -> assertThat(l).contains("ready00001", "lab", "READY", "false", "s1", "web1=127.0.0.1:8080"),
                l -> assertThat(l).contains("failed0001", "BOOTING", "true"));
        CliLab.Run json = CliLab.run(lab.args("list", lab.config(), "--output", "json"));
        JsonNode list = new ObjectMapper().readTree(json.out());
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("id").asText()).isEqualTo("ready00001");
        assertThat(list.get(0).get("endpoints").get(0).get("host").asText()).isEqualTo("127.0.0.1");
        assertThat(list.get(1).get("error").asBoolean()).isTrue();
        assertThat(text.out() + json.out()).doesNotContain("Ssh-Secret-Pa55");
    }

    private static LiveLesson liveLesson(String id, LiveLessonStatus status, boolean error) {
        Instant created = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id.hashCode() % 100 + 100);
        LiveEndpoint web = new LiveEndpoint("web1", "utility", List.of(8080),
                List.of(new LivePresentation("web", 8080, PresentationType.HTTP, "x.heps")), null, null, "antidote",
                "Ssh-Secret-Pa55", "127.0.0.1");
        return new LiveLesson(id, "s1", CliLab.INSTANCE, "lab", Map.of("web1", web), 0, "# guide", GuideType.MARKDOWN,
                "", status, id.startsWith("ready") ? created : created.plusSeconds(1000), created, error, 0, 0, null,
                null, null);
    }
}
