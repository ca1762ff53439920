package io.antidote.tf.curriculum;

import io.antidote.tf.lesson.Flavor;
import io.antidote.tf.lesson.Image;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code images/<dir>/image.meta.yaml}: the slug names its directory, the flavor is known, the four
 * credentials are given, {@code networkInterfaces} is a list of names other than {@code eth0} (the management
 * interface, never a connection's).
 */
final class ImageReader {
    static final String FILE = "image.meta.yaml";
    private static final Set<String> KNOWN = Set.of("slug", "description", "flavor", "enableForwarding",
            "networkInterfaces", "sshUser", "sshPassword", "configUser", "configPassword");

    private ImageReader() {
    }

    static Optional<Image> read(Path imageDir, FileProblems problems) {
        return YamlFiles.read(imageDir.resolve(FILE), problems).flatMap(node -> {
            Fields f = new Fields(node, "", problems);
            f.allowOnly(KNOWN);
            String slug = f.requiredText("slug");
            String dirName = imageDir.getFileName().toString();
            if (slug != null) {
                Names.imageProblem(slug).ifPresentOrElse(reason -> f.problem("slug", reason), () -> {
                    if (!slug.equals(dirName)) {
                        f.problem("slug", Values.quote(slug) + " must equal its directory name " + Values.quote(dirName));
                    }
                });
            }
            Flavor flavor = f.keyword("flavor", Flavor.class, null);
            List<String> interfaces = f.strings("networkInterfaces");
            for (int i = 0; i < interfaces.size(); i++) {
                if (interfaces.get(i).equals("eth0")) {
                    f.problem("networkInterfaces[" + i + "]", "eth0 is the management interface and cannot be listed");
                }
            }
            Image image = new Image(slug == null ? "" : slug, f.text("description"), flavor == null ? Flavor.LEGACY : flavor,
                    f.bool("enableForwarding"), interfaces, f.requiredText("sshUser"), f.requiredText("sshPassword"),
                    f.requiredText("configUser"), f.requiredText("configPassword"));
            return problems.any() ? Optional.empty() : Optional.of(image);
        });
    }
}
