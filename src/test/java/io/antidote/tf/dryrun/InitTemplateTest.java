package io.antidote.tf.dryrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.antidote.tf.terraform.StackId;
import io.antidote.tf.terraform.Workspace;
import io.antidote.tf.terraform.Workspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitTemplateTest {
    private static final String AWS = "{\"terraform\":{\"required_providers\":{\"aws\":{\"source\":\"aws\","
            + "\"version\":\">= 5.23\"}}},\"resource\":{}}";

    @TempDir
    Path temp;

    @Test
    void onlyStacksWithoutModulesOrBackendShareAnInit() {
        assertThat(InitTemplate.shareableRequirements(AWS)).get()
                .satisfies(r -> assertThat(r.path("aws").path("version").asText()).isEqualTo(">= 5.23"));
        assertThat(InitTemplate.shareableRequirements("{\"module\":{\"m\":{\"source\":\"./m\"}}}")).isEmpty();
        assertThat(InitTemplate.shareableRequirements("{\"terraform\":{\"backend\":{\"s3\":{}}}}")).isEmpty();
        assertThat(InitTemplate.shareableRequirements("{not json")).isEmpty();
    }

    @Test
    void aStackFitsOnlyWithTheSameProviderRequirements() throws IOException {
        InitTemplate t = InitTemplate.capture(initialized("a"), req(AWS), temp.resolve("template"));
        assertThat(t.fits(req(AWS.replace("{\"aws\"", "{ \"aws\"")))).isTrue();
        assertThat(t.fits(req(AWS.replace(">= 5.23", "~> 4.0")))).isFalse();
        assertThat(t.fits(req("{\"resource\":{}}"))).isFalse();
    }

    @Test
    void aCopyHasTheSameTreeLinksStayLinksAndDiscardingLeavesTheirTargets() throws IOException {
        Path cache = Files.createDirectories(temp.resolve("cache/aws/linux_amd64"));
        Files.writeString(cache.resolve("terraform-provider-aws"), "binary");
        Workspace first = initialized("a");
        Path providers = Files.createDirectories(first.dir().resolve(".terraform/providers/aws/5.100.0"));
        Files.createSymbolicLink(providers.resolve("linux_amd64"), cache);
        Files.writeString(first.dir().resolve(".terraform/modules.json"), "{}");

        InitTemplate t = InitTemplate.capture(first, req(AWS), temp.resolve("template"));
        Workspaces.deleteTree(first.dir());
        Workspace second = workspace("b");
        t.applyTo(second);

        Path link = second.dir().resolve(".terraform/providers/aws/5.100.0/linux_amd64");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(cache);
        assertThat(second.dir().resolve(".terraform/modules.json")).hasContent("{}");
        assertThat(second.dir().resolve(Workspace.LOCK_FILE)).hasContent("# lock a");
        t.discard();
        assertThat(temp.resolve("template")).doesNotExist();
        assertThat(cache.resolve("terraform-provider-aws")).as("the plugin cache behind the link").hasContent("binary");
    }

    @Test
    void capturingADirectoryThatWasNotInitializedFails() throws IOException {
        assertThatThrownBy(() -> InitTemplate.capture(workspace("c"), req(AWS), temp.resolve("template")))
                .isInstanceOf(IOException.class).hasMessageContaining(".terraform.lock.hcl");
    }

    private Workspace initialized(String name) throws IOException {
        Workspace ws = workspace(name);
        Files.createDirectories(ws.dir().resolve(".terraform"));
        Files.writeString(ws.dir().resolve(Workspace.LOCK_FILE), "# lock " + name);
        return ws;
    }

    private Workspace workspace(String name) {
        return new Workspaces(temp.resolve("work")).open(new StackId("inst", name));
    }

    private static JsonNode req(String json) {
        return InitTemplate.shareableRequirements(json).orElseThrow();
    }
}
