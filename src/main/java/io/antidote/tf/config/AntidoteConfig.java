package io.antidote.tf.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.antidote.tf.grammar.DnsNames;
import io.antidote.tf.grammar.DockerNames;
import io.antidote.tf.lesson.Tier;
import java.nio.file.Path;
import java.util.List;

/**
 * Antidote's configuration file, with the reference's keys and defaults. Built by {@link ConfigLoader}; every
 * value is checked here, so an instance is always valid. TTLs are minutes; limits of 0 mean no limit.
 */
public record AntidoteConfig(
        @JsonProperty("instanceId") String instanceId,
        @JsonProperty("curriculumDir") Path curriculumDir,
        @JsonProperty("tier") Tier tier,
        @JsonProperty("hepsDomain") String hepsDomain,
        @JsonProperty("imageOrg") String imageOrg,
        @JsonProperty("grpcPort") Integer grpcPort,
        @JsonProperty("httpPort") Integer httpPort,
        @JsonProperty("liveSessionTTL") Integer liveSessionTtl,
        @JsonProperty("liveLessonTTL") Integer liveLessonTtl,
        @JsonProperty("liveSessionLimit") Integer liveSessionLimit,
        @JsonProperty("liveLessonLimit") Integer liveLessonLimit,
        @JsonProperty("alwaysPull") Boolean alwaysPull,
        @JsonProperty("allowEgress") Boolean allowEgress,
        @JsonProperty("curriculumVersion") String curriculumVersion,
        @JsonProperty("enabledServices") List<String> enabledServices,
        @JsonProperty("natsUrl") String natsUrl,
        @JsonProperty("devMode") Boolean devMode,
        @JsonProperty("tracing") TracingConfig tracing,
        @JsonProperty("scheduler") SchedulerConfig scheduler,
        @JsonProperty("api") ApiConfig api,
        @JsonProperty("backend") String backend,
        @JsonProperty("backendConfigs") BackendConfigs backendConfigs) {

    public AntidoteConfig {
        instanceId = Checks.required("instanceId", instanceId);
        Checks.dnsLabel("instanceId", instanceId, 20);
        Checks.required("curriculumDir", Checks.required("curriculumDir", curriculumDir).toString());
        tier = tier == null ? Tier.PROD : tier;
        hepsDomain = Checks.follows("hepsDomain", Checks.orDefault(hepsDomain, "localhost"), DnsNames.DOMAIN);
        imageOrg = Checks.follows("imageOrg", Checks.orDefault(imageOrg, "antidotelabs"), DockerNames.ORGANISATION);
        grpcPort = Checks.port("grpcPort", grpcPort, 50099);
        httpPort = Checks.port("httpPort", httpPort, 8086);
        liveSessionTtl = Checks.range("liveSessionTTL", liveSessionTtl, 1440, 1, Integer.MAX_VALUE);
        liveLessonTtl = Checks.range("liveLessonTTL", liveLessonTtl, 30, 1, Integer.MAX_VALUE);
        liveSessionLimit = Checks.range("liveSessionLimit", liveSessionLimit, 0, 0, Integer.MAX_VALUE);
        liveLessonLimit = Checks.range("liveLessonLimit", liveLessonLimit, 0, 0, Integer.MAX_VALUE);
        alwaysPull = alwaysPull != null && alwaysPull;
        allowEgress = allowEgress != null && allowEgress;
        curriculumVersion = Checks.follows("curriculumVersion", Checks.orDefault(curriculumVersion, "latest"),
                DockerNames.TAG);
        if (enabledServices != null && enabledServices.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw Checks.invalid("enabledServices", "has an empty entry");
        }
        enabledServices = List.copyOf(enabledServices == null ? List.of("scheduler", "api", "stats") : enabledServices);
        natsUrl = Checks.orDefault(natsUrl, "nats://127.0.0.1:4222");
        devMode = devMode != null && devMode;
        tracing = tracing == null ? TracingConfig.defaults() : tracing;
        scheduler = scheduler == null ? SchedulerConfig.defaults() : scheduler;
        api = api == null ? ApiConfig.defaults() : api;
        backend = Checks.orDefault(backend, "terraform");
        if (!backend.equals("terraform")) {
            throw Checks.invalid("backend", "'" + backend + "' is not supported here (only 'terraform')");
        }
        backendConfigs = backendConfigs == null ? BackendConfigs.defaults() : backendConfigs;
    }

    /** This configuration with {@code curriculumDir} replaced (the loader makes a relative one absolute). */
    public AntidoteConfig withCurriculumDir(Path dir) {
        return new AntidoteConfig(instanceId, dir, tier, hepsDomain, imageOrg, grpcPort, httpPort, liveSessionTtl,
                liveLessonTtl, liveSessionLimit, liveLessonLimit, alwaysPull, allowEgress, curriculumVersion,
                enabledServices, natsUrl, devMode, tracing, scheduler, api, backend, backendConfigs);
    }
}
