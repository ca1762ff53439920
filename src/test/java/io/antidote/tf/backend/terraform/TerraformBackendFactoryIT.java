package io.antidote.tf.backend.terraform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antidote.tf.AntidoteException;
import io.antidote.tf.terraform.TerraformMissingException;
import io.antidote.tf.terraform.TerraformVersionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The factory refuses to build a backend it cannot run, with a clear message, and never exits the JVM. */
class TerraformBackendFactoryIT {
    BackendFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new BackendFixture(BackendFixture.lesson(1, 2, 0));
    }

    @AfterEach
    void nothingLeft() throws Exception {
        fx.assertNothingLeft();
    }

    @Test
    void aMissingTerraformIsNamedWithWhatToInstall() {
        assertThatThrownBy(() -> fx.backend(BackendFixture.config(fx.workDir, "terraform-not-installed-here", 4, 60,
                20, Map.of()))).isInstanceOf(TerraformMissingException.class)
                .hasMessageContaining("terraform-not-installed-here").hasMessageContaining("install Terraform");
    }

    @Test
    void aTerraformTooOldIsRefusedNamingItsVersion() throws Exception {
        Path old = fx.temp.resolve("terraform-old");
        Files.writeString(old, "#!/bin/sh\necho '{\"terraform_version\":\"1.2.9\",\"platform\":\"linux_amd64\"}'\n");
        old.toFile().setExecutable(true);
        assertThatThrownBy(() -> fx.backend(BackendFixture.config(fx.workDir, old.toString(), 4, 60, 20, Map.of())))
                .isInstanceOf(TerraformVersionException.class).hasMessageContaining("1.2.9")
                .hasMessageContaining("not supported");
    }

    @Test
    void aBuildInfoWithoutImageVersionIsRefused() {
        assertThatThrownBy(() -> TerraformBackendFactory.create(fx.config(60, Map.of()), fx.recording.db, Map.of(),
                fx.tracer)).isInstanceOf(AntidoteException.class).hasMessageContaining("imageVersion");
    }
}
