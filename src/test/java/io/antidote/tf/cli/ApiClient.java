package io.antidote.tf.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real HTTP client of a {@code serve} process's API, doing what antidote-web does. */
final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PORT = Pattern.compile("API on port (\\d+)");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final String base;

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** The client of the API whose port {@code serve} announced on stderr. */
    static ApiClient of(CliProcess serve) throws IOException {
        Matcher m = PORT.matcher(serve.err());
        if (!m.find()) {
            throw new AssertionError("serve announced no API port: " + serve.err());
        }
        return new ApiClient(Integer.parseInt(m.group(1)));
    }

    record Answer(int status, String text) {
        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }
    }

    Answer call(String method, String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    Answer get(String path) throws IOException, InterruptedException {
        return call("GET", path, null);
    }

    Answer post(String path, String body) throws IOException, InterruptedException {
        return call("POST", path, body);
    }

    /** As the UI: a new session (POST /exp/livesession with {}). */
    String session() throws IOException, InterruptedException {
        Answer a = post("/exp/livesession", "{}");
        if (a.status() != 200) {
            throw new AssertionError("POST /exp/livesession: " + a);
        }
        return a.json().path("ID").asText();
    }

    /** As the UI: POST /exp/livelesson with the session, slug and stage. */
    Answer requestLesson(String session, String slug, int stage) throws IOException, InterruptedException {
        return post("/exp/livelesson", "{\"lessonSlug\":\"" + slug + "\",\"lessonStage\":" + stage
                + ",\"sessionId\":\"" + session + "\"}");
    }

    /**
     * As the UI's poller: GET /exp/livelesson/ID every 500 ms until Status is READY (the answer returned) or an
     * answer is an error (returned too), at most {@code limit}. Every Status seen is added to {@code seen}, once per
     * change.
     */
    Answer pollUntilReady(String id, Duration limit, List<String> seen) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Answer a = get("/exp/livelesson/" + id);
            if (a.status() >= 400) {
                return a;
            }
            String status = a.json().path("Status").asText();
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                seen.add(status);
            }
            if (status.equals("READY")) {
                return a;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("livelesson " + id + " not READY within " + limit + "; seen " + seen);
    }

    List<String> newSeen() {
        return new ArrayList<>();
    }
}
