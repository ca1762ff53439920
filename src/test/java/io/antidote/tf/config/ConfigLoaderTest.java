package io.antidote.tf.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antidote.tf.AntidoteException;
import io.antidote.tf.lesson.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    private static final Path ORIGIN = Path.of("/etc/antidote/antidote.yaml");
    private static final String MINIMAL = "instanceId: nrelabs\ncurriculumDir: /srv/curriculum\n";

    @TempDir
    Path dir;

    @Test
    void minimalFileGetsEveryDefault() {
        AntidoteConfig c = ConfigLoader.parse(MINIMAL, ORIGIN);
        assertThat(c.instanceId()).isEqualTo("nrelabs");
        assertThat(c.curriculumDir()).isEqualTo(Path.of("/srv/curriculum"));
        assertThat(c.tier()).isEqualTo(Tier.PROD);
        assertThat(c.hepsDomain()).isEqualTo("localhost");
        assertThat(c.imageOrg()).isEqualTo("antidotelabs");
        assertThat(c.grpcPort()).isEqualTo(50099);
        assertThat(c.httpPort()).isEqualTo(8086);
        assertThat(c.liveSessionTtl()).isEqualTo(1440);
        assertThat(c.liveLessonTtl()).isEqualTo(30);
        assertThat(c.liveSessionLimit()).isZero();
        assertThat(c.liveLessonLimit()).isZero();
        assertThat(c.alwaysPull()).isFalse();
        assertThat(c.allowEgress()).isFalse();
        assertThat(c.curriculumVersion()).isEqualTo("latest");
        assertThat(c.enabledServices()).containsExactly("scheduler", "api", "stats");
        assertThat(c.natsUrl()).isEqualTo("nats://127.0.0.1:4222");
        assertThat(c.devMode()).isFalse();
        assertThat(c.backend()).isEqualTo("terraform");
        assertThat(c.tracing()).isEqualTo(TracingConfig.defaults());
        assertThat(c.tracing().enabled()).isFalse();
        assertThat(c.scheduler()).isEqualTo(new SchedulerConfig(60, 8));
        assertThat(c.scheduler().overNats()).isFalse();
        assertThat(c.api().adminRoutes()).isFalse();
        assertThat(c.backendConfigs().terraform()).isEqualTo(TerraformBackendConfig.defaults());
        assertThat(c.backendConfigs().terraform().target()).isEqualTo("aws");
        assertThat(c.backendConfigs().terraform().readinessTimeoutSeconds()).isEqualTo(600);
    }

    @Test
    void everyKeyIsRead() {
        String yaml = """
                instanceId: lab-7
                curriculumDir: /data/curr
                tier: local
                hepsDomain: heps.example.org
                imageOrg: myorg
                grpcPort: 6000
                httpPort: 6001
                liveSessionTTL: 100
                liveLessonTTL: 5
                liveSessionLimit: 3
                liveLessonLimit: 2
                alwaysPull: true
                allowEgress: true
                curriculumVersion: v2021.1
                enabledServices: [scheduler]
                natsUrl: nats://10.0.0.1:4222
                devMode: true
                tracing:
                  serviceName: svc
                  jaegerAgentHost: 127.0.0.1
                  jaegerAgentPort: 7000
                scheduler:
                  gcIntervalSeconds: 5
                  maxConcurrentRequests: 2
                backend: terraform
                backendConfigs:
                  terraform:
                    target: local
                    readinessTimeoutSeconds: 42
                    runner: {binary: tofu, workDir: /tmp/w, maxConcurrent: 3}
                    state: {type: s3, bucket: lab-state, keyPrefix: antidote, region: eu-west-1, dynamodbTable: lab-locks}
                    aws: {region: eu-west-1, offline: true}
                """;
        AntidoteConfig c = ConfigLoader.parse(yaml, ORIGIN);
        assertThat(c).isEqualTo(new AntidoteConfig("lab-7", Path.of("/data/curr"), Tier.LOCAL, "heps.example.org", "myorg",
                6000, 6001, 100, 5, 3, 2, true, true, "v2021.1", List.of("scheduler"), "nats://10.0.0.1:4222", true,
                new TracingConfig("svc", "127.0.0.1", 7000), new SchedulerConfig(5, 2), null, "terraform",
                new BackendConfigs(new TerraformBackendConfig("local", 42, new RunnerConfig("tofu", "/tmp/w", 3),
                        new StateConfig("s3", "lab-state", "antidote", "eu-west-1", "lab-locks"),
                        new AwsConfig("eu-west-1", true, null, null, null, null, null, null, null, null, null, null,
                                null, null, null, null, null, null, null, null, null, null)))));
        assertThat(c.tracing().enabled()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"prod, PROD", "ptr, PTR", "local, LOCAL", "Local, LOCAL"})
    void tierIsAWordInAnyCase(String word, Tier tier) {
        assertThat(ConfigLoader.parse(MINIMAL + "tier: " + word + "\n", ORIGIN).tier()).isEqualTo(tier);
    }

    @Test
    void relativeCurriculumDirResolvesAgainstTheFilesDirectory() throws Exception {
        Path file = dir.resolve("conf/antidote.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "instanceId: x\ncurriculumDir: ../curriculum\n");
        assertThat(ConfigLoader.load(file).curriculumDir()).isEqualTo(dir.resolve("curriculum").toAbsolutePath().normalize());
    }

    @Test
    void loadReadsAFile() throws Exception {
        Path file = dir.resolve("antidote.yaml");
        Files.writeString(file, MINIMAL + "grpcPort: 1234\n");
        assertThat(ConfigLoader.load(file).grpcPort()).isEqualTo(1234);
    }

    @Test
    void unknownKeyIsNamedWithItsFullPathAndTheKnownKeys() {
        ConfigException e = failure("backendConfigs:\n  terraform:\n    runnr: {}\n");
        assertThat(e.key()).isEqualTo("backendConfigs.terraform.runnr");
        assertThat(e.getMessage()).startsWith(ORIGIN + ": backendConfigs.terraform.runnr: unknown key (known: ")
                .contains("runner", "state", "aws", "target", "readinessTimeoutSeconds");
        assertThat(failure("grpcport: 1\n").getMessage()).contains("grpcport: unknown key").contains("grpcPort");
    }

    @Test
    void wrongTypesAreNamedWithTheKeyPath() {
        assertThat(failure("grpcPort: abc\n").getMessage())
                .isEqualTo(ORIGIN + ": grpcPort: expected a whole number, got 'abc'");
        assertThat(failure("grpcPort: 1.5\n").key()).isEqualTo("grpcPort");
        assertThat(failure("alwaysPull: maybe\n").getMessage()).contains(": alwaysPull: expected true or false");
        assertThat(failure("tier: gold\n").getMessage()).endsWith(": tier: expected one of prod|ptr|local, got 'gold'");
        assertThat(failure("enabledServices: {a: b}\n").getMessage()).endsWith(": enabledServices: expected a list");
        assertThat(failure("tracing: [1, 2]\n").getMessage()).endsWith(": tracing: expected a mapping of keys to values");
        assertThat(failure("scheduler:\n  gcIntervalSeconds: [1]\n").key()).isEqualTo("scheduler.gcIntervalSeconds");
        assertThat(failure("grpcPort: 99999999999\n").getMessage()).endsWith(": grpcPort: number out of range");
    }

    @Test
    void missingRequiredKeysAreNamed() {
        assertThat(assertFails(() -> ConfigLoader.parse("curriculumDir: /c\n", ORIGIN)).getMessage())
                .isEqualTo(ORIGIN + ": instanceId: is required");
        assertThat(assertFails(() -> ConfigLoader.parse("instanceId: x\n", ORIGIN)).getMessage())
                .isEqualTo(ORIGIN + ": curriculumDir: is required");
        assertThat(assertFails(() -> ConfigLoader.parse("instanceId: x\ncurriculumDir: \"\"\n", ORIGIN)).key())
                .isEqualTo("curriculumDir");
        assertThat(assertFails(() -> ConfigLoader.parse("instanceId: \"\"\ncurriculumDir: /c\n", ORIGIN)).key())
                .isEqualTo("instanceId");
    }

    @Test
    void outOfRangeValuesCarryTheRecordsMessage() {
        assertThat(failure("grpcPort: 0\n").getMessage()).isEqualTo(ORIGIN + ": grpcPort: 0 is out of range 1..65535");
        assertThat(failure("liveLessonTTL: 0\n").key()).isEqualTo("liveLessonTTL");
        assertThat(failure("liveSessionLimit: -1\n").key()).isEqualTo("liveSessionLimit");
        assertThat(failure("scheduler:\n  maxConcurrentRequests: 5000\n").key()).isEqualTo("scheduler.maxConcurrentRequests");
        assertThat(failure("tracing:\n  jaegerAgentPort: 70000\n").key()).isEqualTo("tracing.jaegerAgentPort");
        assertThat(failure("backendConfigs:\n  terraform:\n    runner:\n      maxConcurrent: 0\n").key())
                .isEqualTo("backendConfigs.terraform.runner.maxConcurrent");
        assertThat(failure("backendConfigs:\n  terraform:\n    state: {type: gcs}\n").getMessage())
                .endsWith(": backendConfigs.terraform.state.type: 'gcs' is not one of local|s3");
        assertThat(failure("backend: kubernetes\n").key()).isEqualTo("backend");
        assertThat(assertFails(() -> ConfigLoader.parse("instanceId: Bad_Id\ncurriculumDir: /c\n", ORIGIN)).key())
                .isEqualTo("instanceId");
        assertThat(failure("enabledServices: [api, null]\n").key()).isEqualTo("enabledServices");
        assertThat(failure("scheduler:\n  queue: kafka\n").getMessage())
                .endsWith(": scheduler.queue: 'kafka' is not one of inprocess|nats");
        assertThat(failure("scheduler:\n  shutdownGraceSeconds: 0\n").key()).isEqualTo("scheduler.shutdownGraceSeconds");
        assertThat(failure("api:\n  adminTokenFile: t\n  adminTokenEnv: T\n").key()).isEqualTo("api.adminTokenEnv");
        assertThat(failure("api:\n  adminTokenEnv: 'no-such name'\n").key()).isEqualTo("api.adminTokenEnv");
    }

    @Test
    void theApiAndQueueSettingsAreRead() {
        AntidoteConfig c = ConfigLoader.parse("instanceId: x\ncurriculumDir: /c\nscheduler:\n  queue: nats\n"
                + "  shutdownGraceSeconds: 5\napi:\n  adminTokenFile: secrets/token\n", ORIGIN);
        assertThat(c.scheduler().overNats()).isTrue();
        assertThat(c.scheduler().shutdownGraceSeconds()).isEqualTo(5);
        assertThat(c.api().adminRoutes()).isTrue();
        assertThat(Path.of(c.api().adminTokenFile())).isEqualTo(ORIGIN.toAbsolutePath().getParent()
                .resolve("secrets/token").normalize());
    }

    @Test
    void duplicateKeysAndBrokenYamlAreReported() {
        ConfigException dup = failure("grpcPort: 1\ngrpcPort: 2\n");
        assertThat(dup.key()).isEqualTo("grpcPort");
        assertThat(dup.reason()).startsWith("key given twice");
        ConfigException broken = assertFails(() -> ConfigLoader.parse("instanceId: [x\n", ORIGIN));
        assertThat(broken.reason()).startsWith("not valid YAML");
    }

    @Test
    void wholeFileProblemsHaveClearMessages() throws Exception {
        Path missing = dir.resolve("nope.yaml");
        assertThat(assertFails(() -> ConfigLoader.load(missing)).getMessage()).isEqualTo(missing + ": no such file");
        assertThat(assertFails(() -> ConfigLoader.load(dir)).getMessage()).isEqualTo(dir + ": is a directory, not a configuration file");
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "  \n# only a comment\n");
        assertThat(assertFails(() -> ConfigLoader.load(empty)).getMessage()).startsWith(empty + ": is empty");
        assertThat(assertFails(() -> ConfigLoader.parse("- a\n- b\n", ORIGIN)).getMessage())
                .isEqualTo(ORIGIN + ": the top level is a list, not a mapping of keys to values");
        assertThat(assertFails(() -> ConfigLoader.parse("just text\n", ORIGIN)).reason())
                .isEqualTo("the top level is a single value, not a mapping of keys to values");
        Path latin1 = Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        assertThat(assertFails(() -> ConfigLoader.load(latin1)).reason()).isEqualTo("is not UTF-8 text");
    }

    @Test
    void messagesHoldNoJacksonInternals() {
        for (String bad : List.of("grpcPort: abc\n", "tier: gold\n", "tracing: [1]\n", "nope: 1\n", "grpcPort: 0\n",
                "grpcPort: 99999999999\n", "grpcPort: 1\ngrpcPort: 1\n")) {
            ConfigException e = failure(bad);
            assertThat(e).isInstanceOf(AntidoteException.class);
            assertThat(e.getMessage()).doesNotContainIgnoringCase("jackson").doesNotContain("java.", "`", "\tat ", "Exception");
        }
    }

    private static ConfigException failure(String extraYaml) {
        return assertFails(() -> ConfigLoader.parse(MINIMAL + extraYaml, ORIGIN));
    }

    private static ConfigException assertFails(ThrowingCallable call) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(call).isInstanceOf(ConfigException.class).satisfies(t -> caught[0] = t);
        ConfigException e = (ConfigException) caught[0];
        assertThat(e.file()).isNotNull();
        return e;
    }
}
