package io.antidote.tf.scheduler.nats;

import static io.antidote.tf.scheduler.SchedulerFixtures.await;
import static io.antidote.tf.scheduler.SchedulerFixtures.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.live.Operation;
import io.antidote.tf.scheduler.RecordingBackend;
import io.antidote.tf.scheduler.Scheduler;
import io.antidote.tf.state.InMemoryDataManager;
import io.antidote.tf.tracing.TracedMessages;
import io.jaegertracing.internal.JaegerSpan;
import io.jaegertracing.internal.JaegerTracer;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler behind a real nats-server, fed messages framed exactly as the reference's API frames them. */
class NatsRequestSourceIT {
    private static final long TRACE = 0xABCDEF0123L;
    private static final String DELETE_JSON =
            "{\"Operation\":2,\"LiveLessonID\":\"abc123\",\"LiveSessionID\":\"\",\"LessonSlug\":\"\",\"Stage\":0}";

    @TempDir
    Path dir;

    @Test
    void referenceMessagesReachTheSchedulerAndCreatesAreReportedWhileGarbageIsDropped() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        RecordingBackend backend = new RecordingBackend();
        JaegerTracer tracer = WireFormatTest.jaeger();
        NatsServer server = NatsServer.start(dir);
        try (server; tracer) {
            Connection schedulerSide = Nats.connect(options(server, "scheduler"));
            Connection apiSide = Nats.connect(options(server, "api"));
            try {
                Subscription completed = apiSide.subscribe(NatsSubjects.COMPLETED);
                apiSide.flush(Duration.ofSeconds(5));
                WireFormat wire = new WireFormat(tracer);
                try (Scheduler scheduler = new Scheduler(backend, new InMemoryDataManager(), config(1440, 3600, 2),
                        tracer, Clock.systemUTC(), new NatsRequestSource(schedulerSide, wire),
                        new NatsCompletionSink(schedulerSide, wire), Duration.ofSeconds(5))) {
                    scheduler.start();
                    apiSide.publish(NatsSubjects.INCOMING, "not a request".getBytes(StandardCharsets.UTF_8));
                    apiSide.publish(NatsSubjects.INCOMING, randomBytes(200));
                    apiSide.publish(NatsSubjects.INCOMING, WireFormatTest.goMessage(TRACE, 7, "{\"Operation\":4}"));
                    apiSide.publish(NatsSubjects.INCOMING, WireFormatTest.goMessage(TRACE, 7, WireFormatTest.JSON));

                    Message done = completed.nextMessage(Duration.ofSeconds(10));
                    assertThat(done).as("a completion on " + NatsSubjects.COMPLETED).isNotNull();
                    byte[] data = done.getData();
                    int head = TracedMessages.headerLength(data);
                    assertThat(new String(data, head, data.length - head, StandardCharsets.UTF_8))
                            .isEqualTo(WireFormatTest.JSON);
                    assertThat(ByteBuffer.wrap(data).getLong(8)).as("the completion continues the API's trace")
                            .isEqualTo(TRACE);

                    apiSide.publish(NatsSubjects.INCOMING, new byte[] {0, 0, 0});
                    apiSide.publish(NatsSubjects.INCOMING, WireFormatTest.goMessage(TRACE, 8, DELETE_JSON));
                    await("the DELETE", Duration.ofSeconds(10), () -> backend.requests().size() == 2);
                    assertThat(completed.nextMessage(Duration.ofMillis(300))).as("only CREATE is reported").isNull();
                }
            } finally {
                apiSide.close();
                schedulerSide.close();
            }
            assertThat(backend.requests()).containsExactly(WireFormatTest.REQUEST,
                    new LessonScheduleRequest(Operation.DELETE, "abc123", "", "", 0));
            assertThat(backend.calls()).filteredOn(c -> c.request() != null).allSatisfy(c ->
                    assertThat(((JaegerSpan) c.span()).context().getTraceIdLow()).isEqualTo(TRACE));
        }
        assertThat(server.isAlive()).isFalse();
        try {
            await("threads started by the test to end", Duration.ofSeconds(10), () -> newThreads(before).isEmpty());
        } catch (AssertionError e) {
            assertThat(newThreads(before)).as("threads left behind").isEmpty();
        }
    }

    private static Options options(NatsServer server, String name) {
        return Options.builder().server(server.url()).connectionName(name).connectionTimeout(Duration.ofSeconds(5))
                .noReconnect().build();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    /** Threads that were not there before, except the JDK's own cached process reaper. */
    private static Set<String> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t)).filter(Thread::isAlive)
                .map(Thread::getName).filter(name -> !name.equals("process reaper")).collect(Collectors.toSet());
    }
}
