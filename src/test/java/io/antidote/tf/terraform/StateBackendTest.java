package io.antidote.tf.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antidote.tf.config.StateConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateBackendTest {
    private static final StackId STACK = new StackId("inst1", "abc123");

    @Test
    void s3RendersTheBackendBlockAndInitArguments() {
        StateBackend b = StateBackend.from(new StateConfig("s3", "my-bucket", "/states/", "eu-west-1", "locks"));
        assertThat(b.local()).isFalse();
        assertThat(b.fragment(STACK).toString()).isEqualTo("{\"terraform\":{\"backend\":{\"s3\":{\"bucket\":"
                + "\"my-bucket\",\"dynamodb_table\":\"locks\",\"encrypt\":true,\"key\":\"states/inst1/abc123.tfstate\","
                + "\"region\":\"eu-west-1\"}}}}");
        assertThat(b.initArgs(STACK)).containsExactly("-backend-config=bucket=my-bucket",
                "-backend-config=dynamodb_table=locks", "-backend-config=encrypt=true",
                "-backend-config=key=states/inst1/abc123.tfstate", "-backend-config=region=eu-west-1");
    }

    @Test
    void localIsTheDefault() {
        StateBackend b = StateBackend.from(StateConfig.defaults());
        assertThat(b.local()).isTrue();
        assertThat(b.initArgs(STACK)).isEmpty();
        assertThat(b.fragment(STACK).at("/terraform/backend/local/path").asText()).isEqualTo("terraform.tfstate");
    }

    @Test
    void s3NeedsBucketRegionAndLockTable() {
        assertThatThrownBy(() -> new StateConfig("s3", null, null, "eu-west-1", "locks"))
                .hasMessageContaining("backendConfigs.terraform.state.bucket");
        assertThatThrownBy(() -> new StateConfig("s3", "b", null, "eu-west-1", null))
                .hasMessageContaining("backendConfigs.terraform.state.dynamodbTable");
        assertThatThrownBy(() -> new StateConfig("gcs")).hasMessageContaining("local|s3");
    }

    @Test
    void s3ListerPagesThroughListObjectsV2() {
        StateBackend.S3 b = (StateBackend.S3) StateBackend.from(new StateConfig("s3", "bk", "p", "r", "t"));
        List<String> calls = new ArrayList<>();
        Map<String, StackLister.Page> pages = Map.of(
                "", new StackLister.Page(List.of("p/inst1/aaa.tfstate", "p/inst1/bbb.tfstate"), Optional.of("t2")),
                "t2", new StackLister.Page(List.of("p/inst1/ccc.tfstate", "p/inst1/sub/x.tfstate",
                        "p/inst1/notes.txt"), Optional.empty()));
        StackLister lister = new StackLister.S3(b, (bucket, prefix, token) -> {
            calls.add(bucket + " " + prefix + " " + token.orElse("-"));
            return pages.get(token.orElse(""));
        });
        assertThat(lister.list("inst1")).extracting(StackId::liveLessonId).containsExactly("aaa", "bbb", "ccc");
        assertThat(calls).containsExactly("bk p/inst1/ -", "bk p/inst1/ t2");
    }

    @Test
    void workspacesArePrivateListedRemovedAndSwept(@TempDir Path temp) throws Exception {
        Workspaces ws = new Workspaces(temp.resolve("work"));
        Workspace fresh = ws.open(new StackId("inst1", "fresh"));
        Workspace stale = ws.open(new StackId("inst1", "stale"));
        ws.open(new StackId("inst2", "other"));
        for (Path dir : List.of(ws.root(), fresh.dir().getParent(), fresh.dir(), fresh.logsDir())) {
            assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        }
        assertThat(new StackLister.Local(ws).list("inst1")).extracting(StackId::liveLessonId)
                .containsExactly("fresh", "stale");
        Instant now = Instant.now();
        Files.setLastModifiedTime(stale.dir(), FileTime.from(now.minus(Duration.ofHours(30))));
        assertThat(ws.sweep("inst1", Duration.ofHours(24), now)).containsExactly(stale.stack());
        assertThat(stale.dir()).doesNotExist();
        ws.remove(fresh);
        assertThat(temp.resolve("work/inst1")).doesNotExist();
        assertThat(ws.list("inst2")).hasSize(1);
    }
}
