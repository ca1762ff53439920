package io.antidote.tf.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antidote.tf.config.ApiConfig;
import io.antidote.tf.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operators' token: from a file or a variable, checked, compared exactly, never shown. */
class AdminTokenTest {
    private static final Path CONFIG = Path.of("/etc/antidote/antidote.yml");
    private static final String SECRET = "0123456789abcdef-secret";

    @Test
    void noSourceMeansNoToken() {
        assertThat(AdminToken.load(CONFIG, ApiConfig.defaults(), Map.of())).isEmpty();
    }

    @Test
    void aFileTokenIsReadWithoutItsNewlineAndAdmitsOnlyItself(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, SECRET + "\n");
        AdminToken token = AdminToken.load(CONFIG, new ApiConfig(file.toString(), null), Map.of()).orElseThrow();
        assertThat(token.admits("Bearer " + SECRET)).isTrue();
        assertThat(token.admits("bearer " + SECRET)).isTrue();
        assertThat(token.admits("Bearer " + SECRET + "x")).isFalse();
        assertThat(token.admits("Bearer " + SECRET.substring(1))).isFalse();
        assertThat(token.admits(SECRET)).isFalse();
        assertThat(token.admits("Basic " + SECRET)).isFalse();
        assertThat(token.admits(null)).isFalse();
        assertThat(token.toString()).doesNotContain(SECRET);
    }

    @Test
    void anEnvironmentTokenIsRead() {
        AdminToken token = AdminToken.load(CONFIG, new ApiConfig(null, "ANTIDOTE_ADMIN"), Map.of("ANTIDOTE_ADMIN", SECRET))
                .orElseThrow();
        assertThat(token.admits("Bearer " + SECRET)).isTrue();
    }

    @Test
    void badTokensAreConfigurationErrorsThatNeverShowTheValue(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> AdminToken.load(CONFIG, new ApiConfig(null, "NOPE"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("api.adminTokenEnv")
                .hasMessageContaining("$NOPE is not set");
        assertThatThrownBy(() -> AdminToken.load(CONFIG, new ApiConfig(dir.resolve("missing").toString(), null), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("api.adminTokenFile")
                .hasMessageContaining("no such file");
        Path shortOne = dir.resolve("short");
        Files.writeString(shortOne, "tooshort-secret");
        assertThatThrownBy(() -> AdminToken.load(CONFIG, new ApiConfig(shortOne.toString(), null), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("at least 16 characters")
                .hasMessageNotContaining("tooshort-secret");
        Path empty = dir.resolve("empty");
        Files.writeString(empty, "  \n");
        assertThatThrownBy(() -> AdminToken.load(CONFIG, new ApiConfig(empty.toString(), null), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("empty token");
    }
}
