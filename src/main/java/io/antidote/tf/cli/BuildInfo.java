package io.antidote.tf.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;

/**
 * The backend's {@code BuildInfo}: {@code version}, this build's version (from {@code build-info.properties}, which
 * Maven fills in; {@code dev} when run from unfiltered classes), and {@code imageVersion}, the tag of the platform
 * images (configurator, jupyter). Antidote's configuration has no image version, so it comes from
 * {@code --image-version}, {@value #DEFAULT_IMAGE_VERSION} by default.
 */
final class BuildInfo {
    static final String DEFAULT_IMAGE_VERSION = "latest";
    private static final String RESOURCE = "/io/antidote/tf/build-info.properties";

    private BuildInfo() {
    }

    static Map<String, String> of(String imageVersion) {
        String tag = imageVersion == null || imageVersion.isBlank() ? DEFAULT_IMAGE_VERSION : imageVersion.strip();
        return Map.of("version", version(), "imageVersion", tag);
    }

    static String version() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "dev";
        }
        String v = p.getProperty("version", "dev");
        return v.isBlank() || v.startsWith("${") ? "dev" : v;
    }
}
