package io.antidote.tf.stack;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.TerraformBackendConfig;
import io.antidote.tf.lesson.Flavor;
import io.antidote.tf.lesson.Image;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.lesson.LessonEndpoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Which images may run privileged: the operator's {@code backendConfigs.terraform.trustedImages}. An image's own
 * metadata asks for flavor {@code trusted} (a privileged container, that is root on the lesson host); the operator
 * grants it by listing the image, or lists {@code '*'} to grant what every image asks for (the reference's
 * behaviour). This is the one place the grant is checked, before any synthesis: every stack request, of the backend
 * and of the dry runs, gets its images from {@link #imagesOf}, and synthesizers keep reading {@code image.flavor()}.
 *
 * @param everyImage whether {@code '*'} was configured
 * @param slugs the images listed by name
 */
public record TrustedImages(boolean everyImage, Set<String> slugs) {

    /** Trusts no image: nothing runs privileged. */
    public static final TrustedImages NONE = new TrustedImages(false, Set.of());
    /** Trusts every image's metadata ({@code '*'}). */
    public static final TrustedImages EVERY_IMAGE = new TrustedImages(true, Set.of());

    public TrustedImages {
        slugs = Set.copyOf(slugs);
    }

    /** The grant configured as {@code trustedImages} (validated by {@link TerraformBackendConfig}). */
    public static TrustedImages of(Collection<String> trustedImages) {
        return trustedImages.contains(TerraformBackendConfig.TRUST_EVERY_IMAGE) ? EVERY_IMAGE
                : new TrustedImages(false, Set.copyOf(trustedImages));
    }

    /** The grant of {@code config}. */
    public static TrustedImages of(AntidoteConfig config) {
        return of(config.backendConfigs().terraform().trustedImages());
    }

    /** Whether {@code image} may run as its metadata says (anything but {@code trusted} always may). */
    public boolean allows(Image image) {
        return image.flavor() != Flavor.TRUSTED || everyImage || slugs.contains(image.slug());
    }

    /**
     * The images of {@code lesson}'s endpoints, by slug, as {@code lookup} finds them (an image without metadata is
     * left out: the synthesizer names it), each one allowed.
     *
     * @throws UntrustedImageException naming the lesson, every endpoint whose image asks to run privileged without
     *         the grant, the images and the setting
     */
    public Map<String, Image> imagesOf(Lesson lesson, Function<String, Optional<Image>> lookup) {
        Map<String, Image> images = new TreeMap<>();
        Map<String, List<String>> refused = new LinkedHashMap<>();
        for (LessonEndpoint ep : lesson.endpoints()) {
            Optional<Image> found = lookup.apply(ep.image());
            if (found.isEmpty()) {
                continue;
            }
            Image image = found.get();
            if (!allows(image)) {
                refused.computeIfAbsent(image.slug(), s -> new ArrayList<>()).add(ep.name());
            }
            images.put(image.slug(), image);
        }
        if (!refused.isEmpty()) {
            throw new UntrustedImageException(lesson.slug(), refused);
        }
        return images;
    }
}
