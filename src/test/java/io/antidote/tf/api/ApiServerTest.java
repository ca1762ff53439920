package io.antidote.tf.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.live.Operation;
import io.opentracing.mock.MockSpan;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The API on a real socket, as antidote-web and operators call it: the reference's routes, names, omitted zero
 * values, error bodies, status codes and texts, the livelesson request semantics, limits, CORS, bad requests that
 * store nothing, and the operators' routes behind the token.
 */
class ApiServerTest {

    @Test
    void curriculumRoutesAnswerWithTheProtoNamesAndNoZeroValues() throws Exception {
        try (ApiLab lab = new ApiLab()) {
            JsonNode lessons = lab.get("/exp/lesson").json();
            assertThat(lessons.fieldNames()).toIterable().containsExactly("lessons");
            assertThat(lessons.path("lessons")).extracting(l -> l.path("Slug").asText())
                    .containsExactly("lab", "later", "notebook");

            JsonNode lab1 = lab.get("/exp/lesson/lab").json();
            assertThat(lab1.fieldNames()).toIterable().containsExactly("Slug", "Stages", "Name", "Endpoints",
                    "Category", "Tier", "Collection", "Description", "ShortDescription", "LessonFile", "LessonDir");
            assertThat(lab1.path("Stages").get(1).toString()).isEqualTo("{\"Description\":\"two\",\"GuideType\":\"markdown\"}");
            assertThat(lab1.path("Endpoints").get(0).toString()).isEqualTo("{\"Name\":\"web1\",\"Image\":\"utility\","
                    + "\"AdditionalPorts\":[830],\"Presentations\":[{\"Name\":\"web\",\"Port\":8080,\"Type\":\"http\"},"
                    + "{\"Name\":\"cli\",\"Port\":22,\"Type\":\"ssh\"}]}");
            assertThat(lab1.path("LessonDir").asText()).isEqualTo("lessons/lab");
            assertThat(lab1.path("Category").asText()).isEqualTo("fundamentals");

            ApiLab.Answer unknown = lab.get("/exp/lesson/nope");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.error(5)).isEqualTo("Unable to find lesson nope");

            assertThat(lab.get("/exp/lesson/later/prereqs").text()).isEqualTo("{\"prereqs\":[\"notebook\",\"lab\"]}");
            assertThat(lab.get("/exp/lesson/lab/prereqs").text()).isEqualTo("{}");

            assertThat(lab.get("/exp/collection").json().path("collections").get(0).has("Lessons")).isFalse();
            JsonNode acme = lab.get("/exp/collection/acme").json();
            assertThat(acme.path("Lessons").toString()).isEqualTo("[{\"Slug\":\"lab\",\"Name\":\"Lab\",\"Description\":\"A lab.\"}]");
            assertThat(acme.path("Tier").asText()).isEqualTo("prod");
            ApiLab.Answer noCollection = lab.get("/exp/collection/nope");
            assertThat(noCollection.status()).isEqualTo(404);
            assertThat(noCollection.error(5)).isEqualTo("Collection not found");

            assertThat(lab.get("/exp/curriculum").text()).isEqualTo("{\"Name\":\"api\",\"Description\":\"The API's tests\","
                    + "\"Website\":\"https://example.org\",\"AVer\":\"0.6.0\",\"GitRoot\":\"https://example.org/curriculum\"}");
            assertThat(lab.get("/exp/antidoteinfo").text())
                    .isEqualTo("{\"buildSha\":\"unknown\",\"buildVersion\":\"1.2.3\",\"curriculumVersion\":\"latest\"}");
            assertThat(lab.get("/exp/antidoteInfo").text()).isEqualTo(lab.get("/exp/antidoteinfo").text());

            for (String path : List.of("/", "/anything", "/exp")) {
                ApiLab.Answer lb = lab.get(path);
                assertThat(lb.status()).as(path).isEqualTo(200);
                assertThat(lb.text()).as(path).isEqualTo("{}");
                assertThat(lb.header("Content-Type")).startsWith("application/json");
            }
        }
    }

    @Test
    void aLearnersLivelessonIsCreatedRefreshedAndMovedToAnotherStageOnlyWhenReady() throws Exception {
        try (ApiLab lab = new ApiLab()) {
            ApiLab.Answer s = lab.post("/exp/livesession", "{}", "X-Forwarded-For", "203.0.113.9, 10.0.0.1");
            assertThat(s.status()).isEqualTo(200);
            String session = s.json().path("ID").asText();
            assertThat(s.json().size()).isEqualTo(1);
            assertThat(session).matches("[a-z0-9]{10}");
            assertThat(lab.db.getLiveSession(session).orElseThrow().sourceIp()).isEqualTo("203.0.113.9");

            ApiLab.Answer created = lab.requestLesson(session, "lab", 0);
            assertThat(created.status()).isEqualTo(200);
            String id = created.json().path("id").asText();
            assertThat(created.text()).isEqualTo("{\"id\":\"" + id + "\"}");
            assertThat(lab.sent).containsExactly(new LessonScheduleRequest(Operation.CREATE, id, session, "lab", 0));

            JsonNode live = lab.get("/exp/livelesson/" + id).json();
            assertThat(live.fieldNames()).toIterable().containsExactly("ID", "SessionID", "AntidoteID", "LessonSlug",
                    "LiveEndpoints", "GuideContents", "GuideType", "GuideDomain", "Status");
            assertThat(live.path("Status").asText()).isEqualTo("INITIALIZED");
            assertThat(live.path("GuideContents").asText()).isEqualTo("# stage 0\n");
            assertThat(live.path("GuideDomain").asText())
                    .isEqualTo(ApiLab.INSTANCE + "-" + id + "-jupyterlabguide-web.heps.example.org");
            JsonNode web1 = live.path("LiveEndpoints").path("web1");
            assertThat(web1.fieldNames()).toIterable().containsExactly("Name", "Image", "Ports", "LivePresentations",
                    "SSHUser", "SSHPassword");
            assertThat(web1.path("Ports").toString()).isEqualTo("[8080,22,830]");
            assertThat(web1.path("LivePresentations").get(0).toString()).isEqualTo("{\"Name\":\"web\",\"Port\":8080,"
                    + "\"Type\":\"http\",\"HepDomain\":\"" + ApiLab.INSTANCE + "-" + id + "-web1-web.heps.example.org\"}");
            assertThat(web1.path("SSHPassword").asText()).isEqualTo("Ssh-Secret-Pa55");

            Instant old = Instant.parse("2020-01-01T00:00:00Z");
            lab.db.updateLiveLessonLastActiveTime(id, old);
            assertThat(lab.requestLesson(session, "lab", 0).json().path("id").asText()).isEqualTo(id);
            assertThat(lab.db.getLiveLesson(id).orElseThrow().lastActiveTime()).isAfter(old);
            assertThat(lab.sent).hasSize(1);

            ApiLab.Answer busy = lab.requestLesson(session, "lab", 1);
            assertThat(busy.status()).isEqualTo(500);
            assertThat(busy.error(2)).isEqualTo("LiveLesson is currently busy. Can't make changes yet. Try later");
            assertThat(lab.db.getLiveLesson(id).orElseThrow().stage()).isZero();
            assertThat(lab.sent).hasSize(1);

            lab.db.updateLiveLessonStatus(id, LiveLessonStatus.READY);
            lab.db.updateLiveLessonEndpointIp(id, "web1", "10.1.2.3");
            lab.db.updateLiveLessonTests(id, 2, 2);
            JsonNode ready = lab.get("/exp/livelesson/" + id).json();
            assertThat(ready.path("Status").asText()).isEqualTo("READY");
            assertThat(ready.path("HealthyTests").asInt()).isEqualTo(2);
            assertThat(ready.path("LiveEndpoints").path("web1").path("Host").asText()).isEqualTo("10.1.2.3");

            assertThat(lab.requestLesson(session, "lab", 1).json().path("id").asText()).isEqualTo(id);
            assertThat(lab.sent).last().isEqualTo(new LessonScheduleRequest(Operation.MODIFY, id, session, "lab", 1));
            LiveLesson moved = lab.db.getLiveLesson(id).orElseThrow();
            assertThat(moved.status()).isEqualTo(LiveLessonStatus.CONFIGURATION);
            assertThat(moved.stage()).isEqualTo(1);
            assertThat(moved.guideContents()).isEqualTo("# stage 1\n");
            assertThat(lab.get("/exp/livelesson/" + id).json().path("CurrentStage").asInt()).isEqualTo(1);

            lab.db.updateLiveLessonError(id, true);
            ApiLab.Answer errored = lab.get("/exp/livelesson/" + id);
            assertThat(errored.status()).isEqualTo(500);
            assertThat(errored.error(2))
                    .isEqualTo("Livelesson encountered errors during provisioning. See antidote logs");
            ApiLab.Answer again = lab.requestLesson(session, "lab", 1);
            assertThat(again.status()).isEqualTo(500);
            assertThat(again.error(2)).isEqualTo("Sorry, this lesson is having some problems. Please try again later");
            assertThat(lab.sent).hasSize(2);

            assertThat(lab.get("/exp/livelesson/nope").error(2)).isEqualTo("livelesson not found");
            ApiLab.Answer empty = lab.get("/exp/livelesson/");
            assertThat(empty.status()).isEqualTo(400);
            assertThat(empty.error(3)).isEqualTo("LiveLesson ID cannot be empty");

            assertThat(lab.tracer.finishedSpans()).extracting(MockSpan::operationName)
                    .contains("api_livesession_request", "api_livelesson_request", "api_livelesson_get");
            assertThat(lab.tracer.finishedSpans()).filteredOn(sp -> sp.operationName().equals("api_livelesson_request"))
                    .anyMatch(sp -> Boolean.TRUE.equals(sp.tags().get("error")));
        }
    }

    @Test
    void aJupyterLessonListsTheGuideEndpointWithoutPresentations() throws Exception {
        try (ApiLab lab = new ApiLab()) {
            String id = lab.requestLesson(lab.session(), "notebook", 0).json().path("id").asText();
            JsonNode live = lab.get("/exp/livelesson/" + id).json();
            assertThat(live.path("GuideType").asText()).isEqualTo("jupyter");
            assertThat(live.has("GuideContents")).isFalse();
            JsonNode guide = live.path("LiveEndpoints").path("jupyterlabguide");
            assertThat(guide.path("Image").asText()).isEqualTo("antidotelabs/jupyter:v9");
            assertThat(guide.path("Ports").toString()).isEqualTo("[8888]");
            assertThat(guide.has("LivePresentations")).isFalse();
        }
    }

    @Test
    void everyErrorOfALivelessonRequestHasTheReferenceStatusAndTextAndStoresNothing() throws Exception {
        try (ApiLab lab = new ApiLab()) {
            String session = lab.session();
            record Case(String body, int status, int code, String text) {
            }
            List<Case> cases = List.of(
                    new Case("{\"lessonSlug\":\"lab\"}", 400, 3, "Session ID cannot be nil"),
                    new Case("", 400, 3, "Session ID cannot be nil"),
                    new Case("{\"lessonSlug\":\"lab\",\"sessionId\":\"xyz\"}", 400, 3, "Invalid session ID xyz"),
                    new Case("{\"sessionId\":\"" + session + "\",\"lessonStage\":null}", 400, 3, "Lesson Slug cannot be nil"),
                    new Case("{\"sessionId\":\"" + session + "\",\"lessonSlug\":\"nope\"}", 404, 5,
                            "Couldn't find lesson slug 'nope'"),
                    new Case("{\"sessionId\":\"" + session + "\",\"lessonSlug\":\"lab\",\"lessonStage\":2}", 400, 3,
                            "Invalid stage ID for this lesson"),
                    new Case("{\"sessionId\":\"" + session + "\",\"lessonSlug\":\"lab\",\"lessonStage\":-1}", 400, 3,
                            "Invalid stage ID for this lesson"));
            for (Case c : cases) {
                ApiLab.Answer a = lab.post("/exp/livelesson", c.body());
                assertThat(a.status()).as(c.body()).isEqualTo(c.status());
                assertThat(a.error(c.code())).as(c.body()).isEqualTo(c.text());
            }
            assertThat(lab.db.listLiveLessons()).isEmpty();
            assertThat(lab.sent).isEmpty();
        }
    }

    @Test
    void sessionAndLivelessonLimitsComeFromTheConfiguration() throws Exception {
        try (ApiLab lab = new ApiLab(1, 1, false)) {
            assertThat(lab.post("/exp/livesession", "{}", "X-Forwarded-For", "198.51.100.1").status()).isEqualTo(200);
            ApiLab.Answer second = lab.post("/exp/livesession", "{}", "X-Forwarded-For", "198.51.100.1");
            assertThat(second.status()).isEqualTo(500);
            assertThat(second.error(2)).isEqualTo("This IP address has exceeded the maximum number of liveSessions");
            String session = lab.post("/exp/livesession", "{}", "X-Forwarded-For", "198.51.100.2").json().path("ID").asText();
            assertThat(lab.db.listLiveSessions()).hasSize(2);

            String id = lab.requestLesson(session, "lab", 0).json().path("id").asText();
            ApiLab.Answer over = lab.requestLesson(session, "notebook", 0);
            assertThat(over.status()).isEqualTo(500);
            assertThat(over.error(2)).isEqualTo("This session address has exceeded the maximum number of liveLessons");
            assertThat(lab.requestLesson(session, "lab", 0).json().path("id").asText()).isEqualTo(id);
            assertThat(lab.db.listLiveLessons()).hasSize(1);
        }
    }

    @Test
    void devModeGivesEveryoneTheOneDevelopmentSession() throws Exception {
        try (ApiLab lab = new ApiLab(0, 0, true)) {
            assertThat(lab.session()).isEqualTo("antidotedevmode");
            assertThat(lab.session()).isEqualTo("antidotedevmode");
            assertThat(lab.db.listLiveSessions()).hasSize(1);
        }
    }

    @Test
    void badRequestsGetTheReferenceStatusOneMessageAndStoreNothing() throws Exception {
        try (ApiLab lab = new ApiLab()) {
            String session = lab.session();
            record Case(String body, int status, int code, String contains) {
            }
            List<Case> cases = List.of(
                    new Case("{\"lessonSlug\":", 400, 3, "not valid JSON"),
                    new Case("not json", 400, 3, "not valid JSON"),
                    new Case("[1,2]", 400, 3, "must be a JSON object"),
                    new Case("{\"lessonSlug\":\"lab\",\"sessionId\":\"" + session + "\",\"stage\":1}", 400, 3,
                            "unknown field \"stage\" in the request body (known: lessonSlug, lessonStage, sessionId)"),
                    new Case("{\"lessonSlug\":\"lab\",\"sessionId\":\"" + session + "\",\"lessonStage\":\"one\"}", 400, 3,
                            "field \"lessonStage\" of the request body has the wrong type (expected a whole number)"),
                    new Case("{\"lessonSlug\":\"lab\",\"sessionId\":\"" + session + "\",\"lessonStage\":1.5}", 400, 3,
                            "lessonStage"),
                    new Case("{\"lessonSlug\":\"lab\",\"lessonSlug\":\"lab\",\"sessionId\":\"" + session + "\"}", 400, 3,
                            "Duplicate field 'lessonSlug'"),
                    new Case("{\"lessonSlug\":\"lab\",\"sessionId\":\"" + session + "\"} {}", 400, 3, "not valid"),
                    new Case("{\"lessonSlug\":\"" + "x".repeat(70_000) + "\",\"sessionId\":\"" + session + "\"}",
                            413, 8, "larger than 65536 bytes"));
            for (Case c : cases) {
                ApiLab.Answer a = lab.post("/exp/livelesson", c.body());
                assertThat(a.status()).as(c.body()).isEqualTo(c.status());
                assertThat(a.error(c.code())).as(c.body()).contains(c.contains()).doesNotContain("\n");
            }
            ApiLab.Answer method = lab.call("PUT", "/exp/livelesson", "{}");
            assertThat(method.status()).isEqualTo(405);
            assertThat(method.error(12)).isEqualTo("method PUT is not allowed on /exp/livelesson (allowed: POST)");
            ApiLab.Answer route = lab.get("/exp/nothing/here");
            assertThat(route.status()).isEqualTo(404);
            assertThat(route.error(5)).isEqualTo("no route GET /exp/nothing/here");
            assertThat(lab.call("DELETE", "/anything", null).status()).isEqualTo(405);
            assertThat(lab.db.listLiveLessons()).isEmpty();
            assertThat(lab.db.listLiveSessions()).hasSize(1);
            assertThat(lab.sent).isEmpty();
        }
    }

    @Test
    void aRequestThatCannotBeSentLeavesNoLivelesson() throws Exception {
        try (ApiLab lab = new ApiLab()) {
            String session = lab.session();
            lab.publishFails = true;
            ApiLab.Answer a = lab.requestLesson(session, "lab", 0);
            assertThat(a.status()).isEqualTo(503);
            assertThat(a.error(14)).isEqualTo("Unable to schedule the livelesson; try again");
            assertThat(lab.db.listLiveLessons()).isEmpty();
        }
    }

    @Test
    void corsIsAnsweredAsTheReferenceDoes() throws Exception {
        try (ApiLab lab = new ApiLab()) {
            ApiLab.Answer plain = lab.get("/exp/lesson");
            assertThat(plain.header("Access-Control-Allow-Origin")).isNull();
            ApiLab.Answer cross = lab.get("/exp/lesson", "Origin", "https://labs.example.org");
            assertThat(cross.header("Access-Control-Allow-Origin")).isEqualTo("https://labs.example.org");
            ApiLab.Answer preflight = lab.call("OPTIONS", "/exp/livelesson", null, "Origin", "https://x.example",
                    "Access-Control-Request-Method", "POST");
            assertThat(preflight.status()).isEqualTo(200);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://x.example");
            assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET,HEAD,POST,PUT,DELETE");
            assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualTo("Content-Type,Accept");
            ApiLab.Answer error = lab.get("/exp/lesson/nope", "Origin", "https://labs.example.org");
            assertThat(error.header("Access-Control-Allow-Origin")).isEqualTo("https://labs.example.org");
        }
    }

    @Test
    void operatorRoutesNeedTheBearerToken() throws Exception {
        try (ApiLab lab = new ApiLab()) {
            String session = lab.session();
            String id = lab.requestLesson(session, "lab", 0).json().path("id").asText();
            lab.db.updateLiveLessonError(id, true);
            String auth = "Bearer " + ApiLab.TOKEN;

            for (String[] noOrWrong : List.of(new String[0], new String[] {"Authorization", "Bearer wrong-token-0123456789"},
                    new String[] {"Authorization", ApiLab.TOKEN})) {
                ApiLab.Answer denied = lab.get("/admin/livelessons", noOrWrong);
                assertThat(denied.status()).isEqualTo(401);
                assertThat(denied.error(16)).isEqualTo("missing or wrong bearer token (Authorization: Bearer <token>)")
                        .doesNotContain(ApiLab.TOKEN);
                assertThat(denied.header("WWW-Authenticate")).startsWith("Bearer");
            }
            ApiLab.Answer unauthorizedPersist = lab.call("PUT", "/admin/livesession/" + session + "/persistence",
                    "{\"Persistent\":true}");
            assertThat(unauthorizedPersist.status()).isEqualTo(401);
            assertThat(lab.db.getLiveSession(session).orElseThrow().persistent()).isFalse();

            JsonNode all = lab.get("/admin/livelessons", "Authorization", auth).json();
            assertThat(all.path("LiveLessons").path(id).path("Error").asBoolean()).isTrue();
            assertThat(lab.get("/admin/livesessions", "Authorization", auth).json().path("items").path(session)
                    .path("ID").asText()).isEqualTo(session);
            assertThat(lab.get("/admin/livesession/nope", "Authorization", auth).status()).isEqualTo(404);

            ApiLab.Answer noFlag = lab.call("PUT", "/admin/livesession/" + session + "/persistence", "{}",
                    "Authorization", auth);
            assertThat(noFlag.status()).isEqualTo(400);
            assertThat(noFlag.error(3)).contains("Persistent");
            ApiLab.Answer persisted = lab.call("PUT", "/admin/livesession/" + session + "/persistence",
                    "{\"Persistent\":true}", "Authorization", auth);
            assertThat(persisted.status()).isEqualTo(200);
            assertThat(persisted.text()).isEqualTo("{}");
            assertThat(lab.db.getLiveSession(session).orElseThrow().persistent()).isTrue();
            assertThat(lab.get("/admin/livesession/" + session, "Authorization", auth).json().path("Persistent")
                    .asBoolean()).isTrue();
            assertThat(lab.call("PUT", "/admin/livesession/nope/persistence", "{\"Persistent\":true}",
                    "Authorization", auth).status()).isEqualTo(404);

            ApiLab.Answer images = lab.get("/admin/images", "Authorization", auth);
            assertThat(images.text()).isEqualTo("{\"items\":{\"utility\":{\"Name\":\"utility\"}}}");

            assertThat(lab.call("DELETE", "/admin/livelesson/nope", null, "Authorization", auth).status())
                    .isEqualTo(404);
            ApiLab.Answer killed = lab.call("DELETE", "/admin/livelesson/" + id, null, "Authorization", auth);
            assertThat(killed.text()).isEqualTo("{\"success\":true}");
            assertThat(lab.sent).last().isEqualTo(new LessonScheduleRequest(Operation.DELETE, id, session, "lab", 0));
        }
    }

    @Test
    void operatorRoutesAreOffWithoutAToken() throws Exception {
        try (ApiLab lab = new ApiLab(0, 0, false, false)) {
            ApiLab.Answer off = lab.get("/admin/livelessons", "Authorization", "Bearer anything-at-all-here");
            assertThat(off.status()).isEqualTo(403);
            assertThat(off.error(7)).contains("api.adminTokenFile");
        }
    }

    @Test
    void healthAndMetrics() throws Exception {
        try (ApiLab lab = new ApiLab()) {
            lab.requestLesson(lab.session(), "lab", 0);
            ApiLab.Answer health = lab.get("/healthz");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.text()).isEqualTo("{\"status\":\"ok\",\"checks\":{\"scheduler\":\"running\"}}");
            ApiLab.Answer metrics = lab.get("/metrics");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.header("Content-Type")).startsWith("text/plain");
            assertThat(metrics.text()).contains("antidote_livelessons{error=\"false\",status=\"INITIALIZED\"} 1.0",
                    "antidote_livesessions 1.0", "antidote_terraform_commands_total{phase=\"apply\"} 0.0",
                    "antidote_scheduler_queue_depth 0.0");
        }
    }
}
