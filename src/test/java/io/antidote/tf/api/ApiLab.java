package io.antidote.tf.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.api.message.Envelopes;
import io.antidote.tf.config.ApiConfig;
import io.antidote.tf.curriculum.CurriculumLoader;
import io.antidote.tf.curriculum.LoadResult;
import io.antidote.tf.lesson.Curriculum;
import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.LiveLessonFactory;
import io.antidote.tf.metrics.ServeMetrics;
import io.antidote.tf.state.InMemoryDataManager;
import io.opentracing.mock.MockTracer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The API on a real socket over an in-memory store with a small curriculum written to disk (lessons {@code lab}:
 * two markdown stages, endpoint {@code web1} with an http and an ssh presentation; {@code notebook}: a jupyter
 * stage, prerequisite {@code lab}; {@code later}: prerequisite {@code notebook}), the requests it sends recorded
 * instead of scheduled, and an HTTP client.
 */
final class ApiLab implements AutoCloseable {
    static final String INSTANCE = "apitest";
    static final String TOKEN = "an-operator-token-0123456789";
    static final ObjectMapper JSON = new ObjectMapper();

    final Path temp;
    final InMemoryDataManager db = new InMemoryDataManager();
    final List<LessonScheduleRequest> sent = Collections.synchronizedList(new ArrayList<>());
    final MockTracer tracer = new MockTracer();
    volatile boolean publishFails;
    final ApiServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A lab whose limits and devMode are as given, with the operator routes on (TOKEN). */
    ApiLab(int liveSessionLimit, int liveLessonLimit, boolean devMode) throws IOException {
        this(liveSessionLimit, liveLessonLimit, devMode, true);
    }

    ApiLab() throws IOException {
        this(0, 0, false, true);
    }

    ApiLab(int liveSessionLimit, int liveLessonLimit, boolean devMode, boolean adminRoutes) throws IOException {
        temp = Files.createTempDirectory("antidote-api");
        Path curriculum = temp.resolve("curriculum");
        writeCurriculum(curriculum);
        LoadResult loaded = CurriculumLoader.load(curriculum);
        if (!loaded.problems().isEmpty()) {
            throw new IllegalStateException("test curriculum has problems: " + loaded.problems());
        }
        Curriculum c = loaded.curriculum();
        db.insertImages(List.copyOf(c.images().values()));
        db.insertCollections(List.copyOf(c.collections().values()));
        db.insertLessons(List.copyOf(c.lessons().values()));
        db.setCurriculumInfo(c.info());
        Path tokenFile = temp.resolve("token");
        Files.writeString(tokenFile, TOKEN + "\n");
        Optional<AdminToken> token = AdminToken.load(temp.resolve("antidote.yml"),
                adminRoutes ? new ApiConfig(tokenFile.toString(), null) : ApiConfig.defaults(), Map.of());
        LiveLessonFactory factory = new LiveLessonFactory(INSTANCE, "heps.example.org", "v9", c.root(), db::getImage,
                LiveLessonFactory.randomIds(), Clock.systemUTC());
        ServeMetrics metrics = new ServeMetrics();
        metrics.watch(db, () -> 0, () -> 0);
        ApiServer.Routes routes = new ApiServer.Routes(tracer,
                new LiveLessonRequests(db, factory, (request, context) -> {
                    if (publishFails) {
                        throw new IllegalStateException("broker down");
                    }
                    sent.add(request);
                }, liveLessonLimit, Clock.systemUTC()),
                new LiveSessionRequests(db, liveSessionLimit, devMode, Clock.systemUTC()),
                new CurriculumQueries(db, new Envelopes.AntidoteInfo("unknown", "1.2.3", "latest")), token,
                () -> new HealthCheck.Health(true, Map.of("scheduler", "running")), metrics);
        server = ApiServer.start(routes, 0, Duration.ofMillis(200));
    }

    private static void writeCurriculum(Path root) throws IOException {
        write(root.resolve("curriculum.meta.yaml"), """
                name: api
                description: The API's tests
                website: https://example.org
                aVer: 0.6.0
                gitRoot: https://example.org/curriculum
                """);
        write(root.resolve("images/utility/image.meta.yaml"), """
                slug: utility
                description: Utility image
                flavor: untrusted
                sshUser: antidote
                sshPassword: Ssh-Secret-Pa55
                configUser: antidote
                configPassword: Cfg-Secret-Pa55
                """);
        write(root.resolve("collections/acme/collection.meta.yaml"), """
                slug: acme
                title: Acme
                image: https://example.org/acme.png
                website: https://example.org
                briefDescription: Acme's lessons
                longDescription: All of Acme's lessons
                type: vendor
                tier: prod
                """);
        write(root.resolve("lessons/lab/lesson.meta.yaml"), """
                name: Lab
                slug: lab
                category: fundamentals
                tier: prod
                collection: acme
                description: A lab.
                shortDescription: Lab
                endpoints:
                - name: web1
                  image: utility
                  additionalPorts: [830]
                  presentations:
                  - name: web
                    port: 8080
                    type: http
                  - name: cli
                    port: 22
                    type: ssh
                stages:
                  - description: one
                    guideType: markdown
                  - description: two
                    guideType: markdown
                """);
        for (int s = 0; s < 2; s++) {
            write(root.resolve("lessons/lab/stage" + s + "/guide.md"), "# stage " + s + "\n");
        }
        write(root.resolve("lessons/notebook/lesson.meta.yaml"), """
                name: Notebook
                slug: notebook
                category: tools
                tier: prod
                description: A notebook.
                shortDescription: Notebook
                prereqs: [lab]
                endpoints:
                - name: linux1
                  image: utility
                  presentations:
                  - name: cli
                    port: 22
                    type: ssh
                stages:
                  - description: one
                    guideType: jupyter
                """);
        write(root.resolve("lessons/notebook/stage0/guide.ipynb"), "{\"cells\": []}\n");
        write(root.resolve("lessons/later/lesson.meta.yaml"), """
                name: Later
                slug: later
                category: workflows
                tier: prod
                description: Later.
                shortDescription: Later
                prereqs: [notebook, lab]
                endpoints:
                - name: linux1
                  image: utility
                  additionalPorts: [22]
                stages:
                  - description: one
                    guideType: markdown
                """);
        write(root.resolve("lessons/later/stage0/guide.md"), "# later\n");
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** One answer: status, headers, body text and body as JSON (null when not JSON). */
    record Answer(int status, Map<String, List<String>> headers, String text) {
        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        /** The error body's message, after checking its shape: error == message, and the code. */
        String error(int code) {
            JsonNode j = json();
            if (j.size() != 3 || !j.path("error").asText().equals(j.path("message").asText())
                    || j.path("code").asInt() != code) {
                throw new AssertionError("not an error body with code " + code + ": " + text);
            }
            return j.path("error").asText();
        }
    }

    Answer call(String method, String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().map(), r.body());
    }

    Answer get(String path, String... headers) throws IOException, InterruptedException {
        return call("GET", path, null, headers);
    }

    Answer post(String path, String body, String... headers) throws IOException, InterruptedException {
        return call("POST", path, body, headers);
    }

    /** A new livesession's ID. */
    String session() throws IOException, InterruptedException {
        return post("/exp/livesession", "{}").json().path("ID").asText();
    }

    Answer requestLesson(String session, String slug, int stage) throws IOException, InterruptedException {
        return post("/exp/livelesson", "{\"lessonSlug\":\"" + slug + "\",\"sessionId\":\"" + session
                + "\",\"lessonStage\":" + stage + "}");
    }

    @Override
    public void close() throws IOException {
        server.close();
        try (Stream<Path> all = Files.walk(temp)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
