package io.antidote.tf.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.config.TracingConfig;
import io.jaegertracing.internal.JaegerTracer;
import io.opentracing.Tracer;
import io.opentracing.noop.NoopTracer;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TracerFactoryTest {

    @Test
    void disabledTracingGivesANoopTracer() {
        try (Tracer tracer = TracerFactory.create(TracingConfig.defaults())) {
            assertThat(tracer).isInstanceOf(NoopTracer.class);
            tracer.buildSpan("nothing").start().finish();
        }
    }

    @Test
    void enabledTracingSendsSpansOverUdpToTheAgentAndFlushesOnClose() throws Exception {
        try (DatagramSocket agent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            agent.setSoTimeout(10_000);
            Tracer tracer = TracerFactory.create(new TracingConfig("antidote-tf-test", "127.0.0.1",
                    agent.getLocalPort()));
            assertThat(tracer).isInstanceOf(JaegerTracer.class);
            tracer.buildSpan("scheduler_lsr_incoming").start().finish();
            tracer.close();

            byte[] buf = new byte[65_000];
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            agent.receive(packet);
            String batch = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
            assertThat(batch).contains("antidote-tf-test", "scheduler_lsr_incoming");
        }
    }
}
