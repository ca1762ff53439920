package io.antidote.tf.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antidote.tf.config.ConfigException;
import io.antidote.tf.config.ConfigLoader;
import io.antidote.tf.lesson.Flavor;
import io.antidote.tf.lesson.Image;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code trustedImages}: an image's own metadata asking for flavor trusted is granted only by the operator (listed
 * by name, or {@code '*'}); the one check every stack request's images pass through.
 */
class TrustedImagesTest {
    private static final Map<String, Image> IMAGES = StackFixtures.IMAGES;

    private static Optional<Image> lookup(String slug) {
        return Optional.ofNullable(IMAGES.get(slug));
    }

    @Test
    void byDefaultNoImageIsTrustedAndTheRefusalNamesLessonEndpointsImageAndSetting() {
        TrustedImages none = TrustedImages.of(ConfigLoader.parse("instanceId: x\ncurriculumDir: /c\n", Path.of("a.yml")));
        assertThat(none).isEqualTo(TrustedImages.NONE);
        assertThatThrownBy(() -> none.imagesOf(StackFixtures.networkLesson(), TrustedImagesTest::lookup))
                .isInstanceOfSatisfying(UntrustedImageException.class, e -> {
                    assertThat(e.lessonSlug()).isEqualTo("network-lab");
                    assertThat(e.endpointsByImage()).isEqualTo(Map.of("vqfx", List.of("vqfx1", "vqfx2")));
                })
                .hasMessage("lesson 'network-lab': image 'vqfx' (endpoints vqfx1, vqfx2) asks in its metadata for "
                        + "flavor trusted (a privileged container, root on the lesson host), which "
                        + "backendConfigs.terraform.trustedImages does not grant; list it there to allow it, or '*' "
                        + "to trust every image's metadata");
    }

    @Test
    void severalRefusedImagesAreNamedInOneMessage() {
        Map<String, Image> images = Map.of("vqfx", IMAGES.get("vqfx"), "utility", new Image("utility", "", Flavor.TRUSTED,
                false, null, "a", "bbbb", "c", "dddd"));
        assertThatThrownBy(() -> TrustedImages.NONE.imagesOf(StackFixtures.networkLesson(),
                slug -> Optional.ofNullable(images.get(slug))))
                .hasMessage("lesson 'network-lab': image 'vqfx' (endpoints vqfx1, vqfx2) and image 'utility' (endpoint "
                        + "linux1) ask in their metadata for flavor trusted (a privileged container, root on the lesson "
                        + "host), which backendConfigs.terraform.trustedImages does not grant; list them there to allow "
                        + "it, or '*' to trust every image's metadata");
    }

    @Test
    void untrustedAndLegacyImagesNeedNoGrant() {
        assertThat(TrustedImages.NONE.imagesOf(StackFixtures.simpleLesson(), TrustedImagesTest::lookup))
                .containsOnlyKeys("utility");
        assertThat(TrustedImages.NONE.allows(IMAGES.get("router"))).isTrue();
    }

    @Test
    void aListedImageOrTheStarIsGranted() {
        assertThat(TrustedImages.of(List.of("vqfx")).imagesOf(StackFixtures.networkLesson(), TrustedImagesTest::lookup))
                .containsOnlyKeys("vqfx", "utility");
        assertThat(TrustedImages.of(List.of("*"))).isEqualTo(TrustedImages.EVERY_IMAGE);
        assertThat(TrustedImages.EVERY_IMAGE.imagesOf(StackFixtures.networkLesson(), TrustedImagesTest::lookup))
                .containsOnlyKeys("vqfx", "utility");
        assertThat(TrustedImages.of(List.of("utility")).allows(IMAGES.get("vqfx"))).isFalse();
    }

    @Test
    void theSettingIsImageNamesOrTheStarAlone() {
        assertThat(ConfigLoader.parse(config("['*']"), Path.of("a.yml")).backendConfigs().terraform().trustedImages())
                .containsExactly("*");
        assertThatThrownBy(() -> ConfigLoader.parse(config("['*', vqfx]"), Path.of("a.yml")))
                .isInstanceOf(ConfigException.class).hasMessage("a.yml: backendConfigs.terraform.trustedImages[0]: "
                        + "'*' trusts every image's metadata and stands alone; list either '*' or image names");
        assertThatThrownBy(() -> ConfigLoader.parse(config("['vqfx;id']"), Path.of("a.yml")))
                .isInstanceOf(ConfigException.class).hasMessage("a.yml: backendConfigs.terraform.trustedImages[0]: "
                        + "'vqfx;id' must be lower-case letters, digits and inner hyphens (an image name: "
                        + "^[a-z0-9]+(-+[a-z0-9]+)*$)");
    }

    private static String config(String trusted) {
        return "instanceId: x\ncurriculumDir: /c\nbackendConfigs:\n  terraform:\n    trustedImages: " + trusted + "\n";
    }
}
