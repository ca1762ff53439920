package io.antidote.tf.stack;

import io.antidote.tf.AntidoteException;
import io.antidote.tf.config.TerraformBackendConfig;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A lesson whose endpoints use images that ask, in their own metadata, to run with flavor {@code trusted}
 * (privileged: root on the lesson host) while the operator's {@code backendConfigs.terraform.trustedImages} does not
 * grant it. Nothing of the lesson is synthesized.
 */
public final class UntrustedImageException extends AntidoteException {
    private static final long serialVersionUID = 1L;
    private final String lessonSlug;
    private final transient Map<String, List<String>> endpointsByImage;

    /** {@code endpointsByImage}: each refused image, with the endpoints of the lesson that use it. */
    public UntrustedImageException(String lessonSlug, Map<String, List<String>> endpointsByImage) {
        super(message(lessonSlug, endpointsByImage));
        this.lessonSlug = lessonSlug;
        this.endpointsByImage = Map.copyOf(endpointsByImage);
    }

    public String lessonSlug() {
        return lessonSlug;
    }

    /** Each refused image, with the endpoints that use it. */
    public Map<String, List<String>> endpointsByImage() {
        return endpointsByImage;
    }

    private static String message(String lesson, Map<String, List<String>> endpointsByImage) {
        String uses = endpointsByImage.entrySet().stream()
                .map(e -> "image '" + e.getKey() + "' (" + (e.getValue().size() == 1 ? "endpoint " : "endpoints ")
                        + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining(" and "));
        boolean one = endpointsByImage.size() == 1;
        return "lesson '" + lesson + "': " + uses + (one ? " asks" : " ask") + " in " + (one ? "its" : "their")
                + " metadata for flavor trusted (a privileged container, root on the lesson host), which "
                + TerraformBackendConfig.TRUSTED_IMAGES_KEY + " does not grant; list " + (one ? "it" : "them")
                + " there to allow it, or '" + TerraformBackendConfig.TRUST_EVERY_IMAGE
                + "' to trust every image's metadata";
    }
}
