package io.antidote.tf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.LiveLessonFactory;
import io.antidote.tf.live.LiveLessonStatus;
import io.antidote.tf.live.LiveSession;
import io.antidote.tf.live.Operation;
import io.antidote.tf.scheduler.IncomingRequest;
import io.antidote.tf.scheduler.nats.NatsServer;
import io.antidote.tf.scheduler.nats.NatsSubjects;
import io.antidote.tf.scheduler.nats.WireFormat;
import io.antidote.tf.state.SqliteDataManager;
import io.antidote.tf.testing.Requirements;
import io.jaegertracing.internal.JaegerSpanContext;
import io.jaegertracing.internal.JaegerTracer;
import io.jaegertracing.internal.reporters.InMemoryReporter;
import io.jaegertracing.internal.samplers.ConstSampler;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import io.opentracing.Span;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code serve} as a process behind a real nats-server, with the local target: the test plays the reference API (it
 * creates the livelesson in the shared SQLite file, then publishes a CREATE framed with a Jaeger span context),
 * sees the livelesson READY and the completion on {@code antidote.lsr.completed}, then DELETEs it, and stops the
 * service with SIGTERM.
 */
class ServeIT {

    @Test
    void createAndDeleteFromNatsThenStopOnSigterm() throws Exception {
        Requirements.tool("terraform");
        try (CliLab lab = new CliLab(); NatsServer nats = NatsServer.start(lab.temp);
                JaegerTracer api = new JaegerTracer.Builder("antidote-api").withReporter(new InMemoryReporter())
                        .withSampler(new ConstSampler(true)).build();
                DatagramSocket agent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Path config = lab.config(Map.of(), "natsUrl: " + nats.url() + "\ntracing:\n  jaegerAgentHost: 127.0.0.1\n"
                    + "  jaegerAgentPort: " + agent.getLocalPort() + "\nscheduler:\n  queue: nats");
            try (CliProcess serve = CliProcess.start(lab.temp, "serve", lab.args("serve", config, "--http-port", "0"));
                    Connection client = Nats.connect(nats.url())) {
                serve.await("serving", Duration.ofSeconds(60), () -> serve.errContains("antidote-tf: serving instance"));
                Subscription completed = client.subscribe(NatsSubjects.COMPLETED);
                client.flush(Duration.ofSeconds(5));
                WireFormat wire = new WireFormat(api);

                LiveLesson live;
                try (SqliteDataManager db = lab.openDb()) {
                    Lesson lesson = db.getLesson("lab").orElseThrow(() -> new AssertionError("serve stored no curriculum"));
                    db.createLiveSession(new LiveSession("api-session", "127.0.0.1", false, Instant.now()));
                    live = new LiveLessonFactory(CliLab.INSTANCE, "localhost", "latest", lab.curriculum,
                            db::getImage, LiveLessonFactory.randomIds(), Clock.systemUTC()).create(lesson, 0, "api-session");
                    db.createLiveLesson(live);
                }
                Span span = api.buildSpan("api.request_livelesson").start();
                LessonScheduleRequest create = new LessonScheduleRequest(Operation.CREATE, live.id(), "api-session",
                        "lab", 0);
                client.publish(NatsSubjects.INCOMING, wire.encode(span.context(), create));
                span.finish();

                Message done = completed.nextMessage(Duration.ofSeconds(90));
                assertThat(done).as("a completion on " + NatsSubjects.COMPLETED + "; serve said: " + serve.err())
                        .isNotNull();
                IncomingRequest reported = wire.decode(done.getData());
                assertThat(reported.request()).isEqualTo(create);
                assertThat(((JaegerSpanContext) reported.parent()).getTraceId())
                        .as("the completion continues the API's trace")
                        .isEqualTo(((JaegerSpanContext) span.context()).getTraceId());
                try (SqliteDataManager db = lab.openDb()) {
                    LiveLesson ready = db.getLiveLesson(live.id()).orElseThrow();
                    assertThat(ready.status()).isEqualTo(LiveLessonStatus.READY);
                    assertThat(ready.error()).isFalse();
                    assertThat(ready.liveEndpoints().get("web1").host()).isEqualTo("127.0.0.1");
                }
                assertThat(lab.stackDir(live.id())).isDirectory();

                client.publish(NatsSubjects.INCOMING, wire.encode(null,
                        new LessonScheduleRequest(Operation.DELETE, live.id(), "api-session", "lab", 0)));
                serve.await("the livelesson deleted", Duration.ofSeconds(90), () -> {
                    try (SqliteDataManager db = lab.openDb()) {
                        return db.getLiveLesson(live.id()).isEmpty() && !java.nio.file.Files.exists(
                                lab.stackDir(live.id()));
                    }
                });

                serve.signal("TERM");
                assertThat(serve.process.waitFor(40, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
                assertThat(serve.process.exitValue()).as(serve.err()).isZero();
                assertThat(serve.err()).contains("antidote-tf: stopping", "antidote-tf: stopped")
                        .doesNotContain("\tat ");
            }
            agent.setSoTimeout(5000);
            DatagramPacket spans = new DatagramPacket(new byte[65536], 65536);
            agent.receive(spans);
            assertThat(spans.getLength()).as("serve sent its spans to the Jaeger agent").isPositive();
            lab.assertNothingLeft();
        }
    }

    @Test
    void aTokenInTheNatsUrlIsNeverPrinted() throws Exception {
        Requirements.tool("terraform");
        String token = "s3cret-nats-t0ken";
        try (CliLab lab = new CliLab(); NatsServer nats = NatsServer.start(lab.temp, token)) {
            Path wrong = lab.config(Map.of(), "natsUrl: " + nats.url("wr0ng-nats-t0ken") + "\nscheduler:\n  queue: nats");
            try (CliProcess refused = CliProcess.start(lab.temp, "refused", lab.args("serve", wrong, "--http-port", "0"))) {
                assertThat(refused.process.waitFor(60, TimeUnit.SECONDS)).as("serve gave up").isTrue();
                assertThat(refused.process.exitValue()).isEqualTo(ExitCodes.FAILED);
                assertThat(refused.err().lines().filter(l -> l.startsWith("antidote-tf: ")).toList()).singleElement()
                        .asString().startsWith("antidote-tf: cannot connect to NATS at nats://****@127.0.0.1:");
                assertThat(refused.err()).doesNotContain("wr0ng-nats-t0ken");
            }

            Path config = lab.config(Map.of(), "natsUrl: " + nats.url(token) + "\nscheduler:\n  queue: nats");
            try (CliProcess serve = CliProcess.start(lab.temp, "serve", lab.args("serve", config, "--http-port", "0"))) {
                serve.await("serving", Duration.ofSeconds(60), () -> serve.errContains("antidote-tf: serving instance"));
                serve.signal("TERM");
                assertThat(serve.process.waitFor(40, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
                assertThat(serve.err()).contains("requests over NATS at nats://****@127.0.0.1:"
                        + nats.url().split(":")[2]).doesNotContain(token);
            }
            lab.assertNothingLeft();
        }
    }
}
