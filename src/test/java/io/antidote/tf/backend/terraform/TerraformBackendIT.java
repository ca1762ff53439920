package io.antidote.tf.backend.terraform;

import static io.antidote.tf.live.LiveLessonStatus.BOOTING;
import static io.antidote.tf.live.LiveLessonStatus.CONFIGURATION;
import static io.antidote.tf.live.LiveLessonStatus.READY;
import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.live.Operation;
import io.opentracing.mock.MockSpan;
import io.opentracing.tag.Tags;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole lifecycle with the real terraform and the local target: CREATE -> READY -> MODIFY -> DELETE. */
class TerraformBackendIT extends BackendLab {
    @Override
    int readyDelay() {
        return 3;
    }

    @Test
    void createModifyDeleteRunsTheContractsStepsInOrder() throws Exception {
        try (TerraformBackend backend = fx.backend(fx.config(120, Map.of()))) {
            String id = fx.liveLesson(0, "s1");
            backend.handleCreate(null, BackendFixture.request(Operation.CREATE, id, 0));

            assertThat(fx.recording.statusesOf(id)).containsExactly(BOOTING, CONFIGURATION, READY);
            assertThat(fx.recording.changesOf(id).get(1).configurationLines())
                    .as("no configuration before status CONFIGURATION").isZero();
            assertThat(fx.configurationLog(id)).containsExactly("web1 stage 0 python web1.py",
                    "r1 stage 0 ansible r1.yml");
            LiveLesson ready = fx.get(id);
            assertThat(ready.liveEndpoints().values()).allSatisfy(ep -> assertThat(ep.host()).isEqualTo("127.0.0.1"));
            assertThat(ready.healthyTests()).isEqualTo(2);
            assertThat(ready.totalTests()).isEqualTo(2);
            assertThat(ready.error()).isFalse();
            assertThat(fx.readyDelays).containsExactly(Duration.ofSeconds(3));

            fx.recording.db.updateLiveLessonStage(id, 1);
            backend.handleModify(null, BackendFixture.request(Operation.MODIFY, id, 1));
            assertThat(fx.recording.statusesOf(id)).containsExactly(BOOTING, CONFIGURATION, READY, CONFIGURATION,
                    READY);
            assertThat(fx.configurationLog(id)).containsExactly("web1 stage 0 python web1.py",
                    "r1 stage 0 ansible r1.yml", "web1 stage 1 python web1.py", "r1 stage 1 ansible r1.yml");

            backend.handleDelete(null, BackendFixture.request(Operation.DELETE, id, 1));
            assertThat(Files.exists(fx.stackDir(id))).isFalse();
            assertThat(fx.recording.db.getLiveLesson(id)).isEmpty();
        }
        assertThat(fx.tracer.finishedSpans()).extracting(MockSpan::operationName)
                .contains("backend.create", "backend.modify", "backend.delete", "readiness_wait", "terraform.apply",
                        "terraform.destroy");
        assertThat(fx.tracer.finishedSpans()).noneMatch(s -> Boolean.TRUE.equals(s.tags().get(Tags.ERROR.getKey())));
    }
}
