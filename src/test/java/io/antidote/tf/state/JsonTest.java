package io.antidote.tf.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.antidote.tf.lesson.ConfigurationType;
import io.antidote.tf.lesson.GuideType;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.lesson.PresentationType;
import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.live.Operation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
    private static final List<String> REFERENCE_FIELDS = List.of("LiveLessonId", "SessionId", "AntidoteID", "LessonSlug",
            "LiveEndpoints", "LessonStage", "GuideContents", "GuideType", "GuideDomain", "Status", "CreatedTime",
            "LastActiveTime", "Error", "HealthyTests", "TotalTests", "Diagram", "Video", "StageVideo");
    /** Beyond the reference: why a failed livelesson failed. */
    private static final List<String> OWN_FIELDS = List.of("ErrorDetail");

    @Test
    void liveLessonUsesTheReferenceFieldNamesAndReadsBack() throws Exception {
        LiveLesson ll = Fixtures.liveLesson("abcdefghij", "sess").withEndpointHost("alpha", "10.1.2.3");
        String json = Json.write(ll);
        JsonNode tree = Json.mapper().readTree(json);
        List<String> fields = new java.util.ArrayList<>(REFERENCE_FIELDS);
        fields.addAll(OWN_FIELDS);
        assertThat(tree.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(fields);
        assertThat(tree.get("LiveLessonId").asText()).isEqualTo("abcdefghij");
        assertThat(tree.get("GuideType").asText()).isEqualTo("markdown");
        assertThat(tree.get("Status").asText()).isEqualTo("INITIALIZED");
        assertThat(tree.get("CreatedTime").asText()).isEqualTo("2021-03-04T05:06:07.123456789Z");
        assertThat(tree.get("LiveEndpoints").fieldNames()).toIterable().containsExactly("zeta", "alpha", "mid");
        JsonNode alpha = tree.get("LiveEndpoints").get("alpha");
        assertThat(alpha.fieldNames()).toIterable().containsExactlyInAnyOrder("Name", "Image", "Ports", "Presentations",
                "ConfigurationType", "ConfigurationFile", "SSHUser", "SSHPassword", "Host");
        assertThat(alpha.get("ConfigurationType").asText()).isEqualTo("python");
        assertThat(alpha.get("Host").asText()).isEqualTo("10.1.2.3");
        assertThat(alpha.get("Presentations").get(0).get("Type").asText()).isEqualTo("ssh");
        assertThat(alpha.get("Presentations").get(0).get("HepDomain").asText()).isEqualTo("n-abcdefghij-alpha-cli.localhost");
        assertThat(Json.read(json, LiveLesson.class)).isEqualTo(ll);
    }

    @Test
    void readsALiveLessonAsTheReferenceWritesIt() {
        String json = """
                {"LiveLessonId":"k3j4h5g6f7","SessionId":"s1","AntidoteID":"nrelabs","LessonSlug":"bash",
                 "LiveEndpoints":{"linux1":{"Name":"linux1","Image":"utility","Ports":[22],
                   "Presentations":[{"Name":"cli","Port":22,"Type":"ssh","HepDomain":"d"}],
                   "ConfigurationType":"","ConfigurationFile":"","SSHUser":"antidote","SSHPassword":"pw","Host":""}},
                 "LessonStage":1,"GuideContents":"","GuideType":"jupyter","GuideDomain":"g","Status":"READY",
                 "CreatedTime":"2021-01-02T03:04:05.5+01:00","LastActiveTime":"2021-01-02T03:04:05Z","Error":false,
                 "HealthyTests":1,"TotalTests":1,"Diagram":"","Video":"","StageVideo":"","SomethingNew":1}
                """;
        LiveLesson ll = Json.read(json, LiveLesson.class);
        assertThat(ll.guideType()).isEqualTo(GuideType.JUPYTER);
        assertThat(ll.status()).isEqualTo(LiveLessonStatus.READY);
        assertThat(ll.createdTime()).isEqualTo(Instant.parse("2021-01-02T02:04:05.5Z"));
        assertThat(ll.liveEndpoints().get("linux1").configurationType()).isEqualTo(ConfigurationType.NONE);
        assertThat(ll.liveEndpoints().get("linux1").presentations().get(0).type()).isEqualTo(PresentationType.SSH);
    }

    @Test
    void curriculumRecordsRoundTripWithoutAnnotations() throws Exception {
        Lesson lesson = Fixtures.lesson("my-lesson");
        String json = Json.write(lesson);
        assertThat(Json.mapper().readTree(json).get("directory").asText()).isEqualTo(Path.of("lessons", "my-lesson").toString());
        assertThat(Json.mapper().readTree(json).get("category").asText()).isEqualTo("fundamentals");
        assertThat(Json.read(json, Lesson.class)).isEqualTo(lesson);
        assertThat(Json.read(Json.write(Fixtures.image("i")), io.antidote.tf.lesson.Image.class)).isEqualTo(Fixtures.image("i"));
        assertThat(Json.read(Json.write(Fixtures.collection("c")), io.antidote.tf.lesson.Collection.class))
                .isEqualTo(Fixtures.collection("c"));
        assertThat(Json.read(Json.write(Fixtures.curriculumInfo()), io.antidote.tf.lesson.CurriculumInfo.class))
                .isEqualTo(Fixtures.curriculumInfo());
        assertThat(Json.read(Json.write(Fixtures.session("s")), io.antidote.tf.live.LiveSession.class)).isEqualTo(Fixtures.session("s"));
    }

    @Test
    void scheduleRequestsUseTheWireOperationCodes() throws Exception {
        LessonScheduleRequest r = new LessonScheduleRequest(Operation.MODIFY, "ll", "ls", "bash", 2);
        String json = Json.write(r);
        assertThat(Json.mapper().readTree(json).get("Operation").asInt()).isEqualTo(3);
        assertThat(Json.read(json, LessonScheduleRequest.class)).isEqualTo(r);
    }

    @Test
    void anUnknownKeywordIsAStateExceptionNamingNoSecret() {
        String json = Json.write(Fixtures.liveLesson("x", "s")).replace("\"markdown\"", "\"pdf\"");
        assertThatThrownBy(() -> Json.read(json, LiveLesson.class)).isInstanceOf(StateException.class)
                .hasMessageContaining("LiveLesson").hasMessageNotContaining(Fixtures.PASSWORD);
    }
}
