package io.antidote.tf.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.antidote.tf.api.message.Envelopes;
import io.antidote.tf.api.message.LiveLessonRequestMessage;
import io.antidote.tf.api.message.LiveSessionMessage;
import io.antidote.tf.api.message.SessionPersistenceMessage;
import io.antidote.tf.metrics.ServeMetrics;
import io.antidote.tf.tracing.Spans;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import io.opentracing.Span;
import io.opentracing.Tracer;
import io.opentracing.tag.Tags;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API on Javalin (Jetty): the reference's REST routes under {@code /exp}, exactly as antidote-web calls
 * them, the operators' routes under {@code /admin} (bearer token), {@code /healthz}, {@code /metrics}, and
 * {@code GET /<anything>} answering {@code {}} for load balancers, as the reference does. Every answer is JSON
 * ({@link ApiJson}); every error is {@code {"error", "code", "message"}} with one message. CORS as the reference:
 * the request's {@code Origin} echoed, preflights answered for any origin. Each route is traced as the reference
 * names its spans ({@code api_livelesson_request}, ...).
 */
public final class ApiServer implements AutoCloseable {
    /** The reference's answer to its load balancer's health check. */
    static final byte[] EMPTY = {'{', '}'};
    static final String JSON = "application/json";
    /**
     * Connections the kernel holds before they are accepted: many learners' pollers connect at once, and the JDK's
     * default of 50 makes the others retry their SYN a second or more later.
     */
    static final int ACCEPT_QUEUE = 1024;
    /**
     * Request threads. Answers are CPU work and short reads (SQLite through a few read connections), so a few dozen
     * threads keep the cores busy; hundreds only add switching between them under 500 pollers.
     */
    static final int MAX_THREADS = 32;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /** What the routes serve. */
    public record Routes(Tracer tracer, LiveLessonRequests liveLessons, LiveSessionRequests liveSessions,
            CurriculumQueries curriculum, Optional<AdminToken> adminToken, HealthCheck health, ServeMetrics metrics) {
    }

    private final Javalin app;

    private ApiServer(Javalin app) {
        this.app = app;
    }

    /**
     * Starts listening on {@code port} of every interface (0: a free port) and returns once it does.
     *
     * @param stopTimeout how long {@link #close} lets requests in progress finish
     */
    public static ApiServer start(Routes routes, int port, Duration stopTimeout) {
        Javalin app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.router.ignoreTrailingSlashes = false;
            cfg.http.prefer405over404 = true;
            cfg.http.maxRequestSize = ApiJson.MAX_BODY_BYTES;
            cfg.http.defaultContentType = JSON;
            cfg.http.disableCompression();
            QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 8, 60_000);
            pool.setName("antidote-api");
            cfg.jetty.threadPool = pool;
            cfg.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setPort(port);
                connector.setAcceptQueueSize(ACCEPT_QUEUE);
                return connector;
            });
            cfg.jetty.modifyServer(server -> {
                server.setStopTimeout(stopTimeout.toMillis());
                StatisticsHandler graceful = new StatisticsHandler();
                graceful.setHandler(server.getHandler());
                server.setHandler(graceful);
            });
        });
        ApiServer server = new ApiServer(app);
        server.routes(routes);
        try {
            app.start();
        } catch (RuntimeException e) {
            app.stop();
            throw new io.antidote.tf.AntidoteException("the API cannot listen on port " + port + ": "
                    + rootMessage(e), e);
        }
        return server;
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    private void routes(Routes r) {
        Tracer tracer = r.tracer();
        app.before(ApiServer::cors);

        app.post("/exp/livesession", ctx -> traced(ctx, tracer, "api_livesession_request", span -> {
            readBody(ctx, Empty.class);
            return LiveSessionMessage.idOnly(r.liveSessions().request(sourceIp(ctx), span));
        }));
        app.post("/exp/livelesson", ctx -> traced(ctx, tracer, "api_livelesson_request", span ->
                new Envelopes.LiveLessonId(r.liveLessons().request(readBody(ctx, LiveLessonRequestMessage.class),
                        span))));
        app.get("/exp/livelesson/{id}", ctx -> traced(ctx, tracer, "api_livelesson_get", span ->
                r.liveLessons().get(ctx.pathParam("id"), span)));
        app.get("/exp/livelesson/", ctx -> traced(ctx, tracer, "api_livelesson_get", span ->
                r.liveLessons().get("", span)));
        app.get("/exp/lesson", ctx -> traced(ctx, tracer, "api_lesson_list", span -> r.curriculum().lessons()));
        app.get("/exp/lesson/{slug}", ctx -> traced(ctx, tracer, "api_lesson_get", span ->
                r.curriculum().lesson(ctx.pathParam("slug"))));
        app.get("/exp/lesson/{slug}/prereqs", ctx -> traced(ctx, tracer, "api_lesson_getprereqs", span ->
                r.curriculum().prereqs(ctx.pathParam("slug"))));
        app.get("/exp/collection", ctx -> traced(ctx, tracer, "api_collection_list", span ->
                r.curriculum().collections()));
        app.get("/exp/collection/{slug}", ctx -> traced(ctx, tracer, "api_collection_get", span ->
                r.curriculum().collection(ctx.pathParam("slug"))));
        app.get("/exp/curriculum", ctx -> traced(ctx, tracer, "api_curriculum_getinfo", span ->
                r.curriculum().curriculum()));
        for (String path : new String[] {"/exp/antidoteinfo", "/exp/antidoteInfo"}) {
            app.get(path, ctx -> traced(ctx, tracer, "api_antidoteinfo_get", span -> r.curriculum().antidoteInfo()));
        }

        AdminGate gate = new AdminGate(r.adminToken());
        app.get("/admin/livelessons", ctx -> admin(ctx, gate, tracer, "api_livelesson_list", span ->
                new Envelopes.LiveLessons(r.liveLessons().list())));
        app.delete("/admin/livelesson/{id}", ctx -> admin(ctx, gate, tracer, "api_livelesson_kill", span -> {
            r.liveLessons().kill(ctx.pathParam("id"), span);
            return new Envelopes.KillStatus(true);
        }));
        app.get("/admin/livesessions", ctx -> admin(ctx, gate, tracer, "api_livesession_list", span ->
                new Envelopes.LiveSessions(r.liveSessions().list())));
        app.get("/admin/livesession/{id}", ctx -> admin(ctx, gate, tracer, "api_livesession_get", span ->
                r.liveSessions().get(ctx.pathParam("id"))));
        app.put("/admin/livesession/{id}/persistence", ctx -> admin(ctx, gate, tracer, "api_livesession_persist",
                span -> {
                    SessionPersistenceMessage body = readBody(ctx, SessionPersistenceMessage.class);
                    if (body.persistent() == null) {
                        throw ApiException.invalid("field \"Persistent\" of the request body must be true or false");
                    }
                    r.liveSessions().persist(ctx.pathParam("id"), body.persistent(), span);
                    return new Empty();
                }));
        app.get("/admin/images", ctx -> admin(ctx, gate, tracer, "api_image_list", span ->
                new Envelopes.Images(r.curriculum().images())));

        app.get("/healthz", ctx -> {
            HealthCheck.Health h = r.health().check();
            ctx.status(h.healthy() ? 200 : ApiStatus.UNAVAILABLE.http()).contentType(JSON)
                    .result(ApiJson.write(new HealthBody(h.healthy() ? "ok" : "unhealthy", new TreeMap<>(h.parts()))));
        });
        app.get("/metrics", ctx -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            r.metrics().write(out);
            ctx.contentType(r.metrics().contentType()).result(out.toByteArray());
        });
        app.get("/", ctx -> ctx.contentType(JSON).result(EMPTY));
        app.get("/{any}", ctx -> ctx.contentType(JSON).result(EMPTY));

        app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        app.exception(HttpResponseException.class, ApiServer::routingError);
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed: {}", ctx.method(), ctx.path(), e.toString(), e);
            error(ctx, ApiStatus.INTERNAL, "internal error (" + e.getClass().getSimpleName()
                    + "); the service log has the details");
        });
    }

    /** The body of {@code POST /exp/livesession}: anything or nothing, as long as it is a JSON object. */
    record Empty() {
    }

    record HealthBody(@JsonProperty("status") String status, @JsonProperty("checks") Map<String, String> checks) {
    }

    private static void traced(Context ctx, Tracer tracer, String operation, Function<Span, Object> route) {
        Span span = tracer.buildSpan(operation).withTag(Tags.SPAN_KIND.getKey(), Tags.SPAN_KIND_SERVER)
                .withTag(Tags.HTTP_METHOD.getKey(), ctx.method().name()).start();
        try {
            Object answer = route.apply(span);
            ctx.contentType(JSON).result(ApiJson.write(answer));
        } catch (ApiException e) {
            Tags.ERROR.set(span, true);
            Spans.event(span, "error", Map.of("message", e.getMessage(), "status", e.status().http()));
            throw e;
        } catch (RuntimeException e) {
            Spans.error(span, e);
            throw e;
        } finally {
            span.finish();
        }
    }

    private static void admin(Context ctx, AdminGate gate, Tracer tracer, String operation,
            Function<Span, Object> route) {
        try {
            gate.check(ctx.header("Authorization"));
        } catch (ApiException e) {
            if (e.status() == ApiStatus.UNAUTHENTICATED) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"antidote-tf\"");
            }
            throw e;
        }
        traced(ctx, tracer, operation, route);
    }

    /** Reads the request body, at most {@link ApiJson#MAX_BODY_BYTES}, as a {@code type}. */
    static <T> T readBody(Context ctx, Class<T> type) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > ApiJson.MAX_BODY_BYTES) {
            throw ApiJson.tooLarge();
        }
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes(ApiJson.MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw ApiException.invalid("the request body cannot be read: " + e.getMessage());
        }
        return ApiJson.read(body, type);
    }

    /** The client's address: the first of {@code X-Forwarded-For} when a proxy set it, else the peer's. */
    static String sourceIp(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",", 2)[0].strip();
        }
        return ctx.req().getRemoteAddr();
    }

    /**
     * The reference's CORS: any {@code Origin} is echoed, and a preflight ({@code OPTIONS} with an {@code Origin} and
     * {@code Access-Control-Request-Method}) is answered at once, for any path.
     */
    private static void cors(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || origin.isEmpty()) {
            return;
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Vary", "Origin");
        if (ctx.method() == HandlerType.OPTIONS && ctx.header("Access-Control-Request-Method") != null) {
            ctx.header("Access-Control-Allow-Headers", "Content-Type,Accept");
            ctx.header("Access-Control-Allow-Methods", "GET,HEAD,POST,PUT,DELETE");
            ctx.status(200).result("");
            ctx.skipRemainingHandlers();
        }
    }

    private static void routingError(HttpResponseException e, Context ctx) {
        if (e instanceof NotFoundResponse) {
            error(ctx, ApiStatus.NOT_FOUND, "no route " + ctx.method() + " " + ctx.path());
        } else if (e instanceof MethodNotAllowedResponse m) {
            String allowed = String.valueOf(m.getDetails().getOrDefault("availableMethods", ""))
                    .replaceAll("[\\[\\]]", "");
            error(ctx, ApiStatus.METHOD_NOT_ALLOWED, "method " + ctx.method() + " is not allowed on " + ctx.path()
                    + (allowed.isBlank() ? "" : " (allowed: " + allowed + ")"));
        } else if (e.getStatus() == ApiStatus.TOO_LARGE.http()) {
            error(ctx, ApiStatus.TOO_LARGE, ApiJson.tooLarge().getMessage());
        } else {
            error(ctx, e.getStatus() >= 500 ? ApiStatus.INTERNAL : ApiStatus.INVALID_ARGUMENT, e.getMessage());
        }
    }

    private static void error(Context ctx, ApiStatus status, String message) {
        ctx.status(status.http()).contentType(JSON)
                .result(ApiJson.write(new Envelopes.Error(message, status.grpc())));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    /** Stops accepting connections, lets requests in progress finish within the stop timeout, and stops. */
    @Override
    public void close() {
        try {
            app.stop();
        } catch (RuntimeException e) {
            // the stop timeout passed with connections still open (pollers' idle keep-alives): Jetty has stopped
            LOG.debug("the API stopped after its stop timeout: {}", e.toString());
        }
    }
}
