package io.antidote.tf.tracing;

import io.antidote.tf.AntidoteException;
import io.antidote.tf.config.TracingConfig;
import io.jaegertracing.internal.JaegerTracer;
import io.jaegertracing.internal.reporters.RemoteReporter;
import io.jaegertracing.internal.samplers.ConstSampler;
import io.jaegertracing.thrift.internal.senders.UdpSender;
import io.opentracing.Tracer;
import io.opentracing.noop.NoopTracerFactory;
import org.apache.thrift.transport.TTransportException;

/**
 * Builds the process's tracer from {@link TracingConfig}: a Jaeger tracer that samples every trace and sends spans
 * over UDP to the Jaeger agent at {@code jaegerAgentHost:jaegerAgentPort} under {@code serviceName} when tracing is
 * {@linkplain TracingConfig#enabled() enabled}, otherwise a no-op tracer. The tracer is {@link java.io.Closeable}:
 * closing it flushes the spans not sent yet and releases the socket; close it once, when the process stops.
 */
public final class TracerFactory {
    private TracerFactory() {
    }

    public static Tracer create(TracingConfig config) {
        if (!config.enabled()) {
            return NoopTracerFactory.create();
        }
        UdpSender sender;
        try {
            sender = new UdpSender(config.jaegerAgentHost(), config.jaegerAgentPort(), 0);
        } catch (TTransportException | RuntimeException e) {
            throw new AntidoteException("tracing: cannot send spans to the Jaeger agent at "
                    + config.jaegerAgentHost() + ":" + config.jaegerAgentPort() + ": " + e.getMessage(), e);
        }
        RemoteReporter reporter = new RemoteReporter.Builder().withSender(sender).build();
        return new JaegerTracer.Builder(config.serviceName())
                .withReporter(reporter)
                .withSampler(new ConstSampler(true))
                .build();
    }
}
