package io.antidote.tf.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where spans go. With no {@code jaegerAgentHost} the tracer is a no-op one.
 */
public record TracingConfig(
        @JsonProperty("serviceName") String serviceName,
        @JsonProperty("jaegerAgentHost") String jaegerAgentHost,
        @JsonProperty("jaegerAgentPort") Integer jaegerAgentPort) {
    public TracingConfig {
        serviceName = Checks.orDefault(serviceName, "antidote-tf");
        jaegerAgentHost = jaegerAgentHost == null ? "" : jaegerAgentHost;
        jaegerAgentPort = Checks.port("tracing.jaegerAgentPort", jaegerAgentPort, 6831);
    }

    public static TracingConfig defaults() {
        return new TracingConfig(null, null, null);
    }

    public boolean enabled() {
        return !jaegerAgentHost.isBlank();
    }
}
