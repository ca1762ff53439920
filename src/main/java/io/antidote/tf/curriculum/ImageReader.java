package io.antidote.tf.curriculum;

import io.antidote.tf.lesson.Flavor;
import io.antidote.tf.lesson.Image;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code images/<dir>/image.meta.yaml}: the slug is an image name equal to its directory's name, the flavor
 * is known, the users are login names and the passwords printable ASCII (never shown in a problem),
 * {@code networkInterfaces} lists distinct interface names other than {@code eth0} (the management interface),
 * {@code lo}, and the {@code net<N>} names given to the interfaces after the listed ones.
 */
final class ImageReader {
    static final String FILE = "image.meta.yaml";
    private static final Set<String> KNOWN = Set.of("slug", "description", "flavor", "enableForwarding",
            "networkInterfaces", "sshUser", "sshPassword", "configUser", "configPassword");
    private static final Pattern GENERATED = Pattern.compile("net([0-9]+)");

    private ImageReader() {
    }

    static Optional<Image> read(Path root, Path imageDir, FileProblems problems) {
        return YamlFiles.read(root, imageDir.resolve(FILE), problems).flatMap(node -> {
            Fields f = new Fields(node, "", problems);
            f.allowOnly(KNOWN);
            String slug = f.requiredText("slug", Names.IMAGE);
            String dirName = imageDir.getFileName().toString();
            if (slug != null && !slug.equals(dirName)) {
                f.problem("slug", Values.quote(slug) + " must equal its directory name " + Values.quote(dirName));
            }
            Flavor flavor = f.keyword("flavor", Flavor.class, null);
            List<String> interfaces = interfaces(f);
            Image image = new Image(slug == null ? "" : slug, f.text("description", Prose.DESCRIPTION),
                    flavor == null ? Flavor.LEGACY : flavor, f.bool("enableForwarding"), interfaces,
                    f.requiredText("sshUser", Names.USER), f.requiredSecret("sshPassword", Names.PASSWORD),
                    f.requiredText("configUser", Names.USER), f.requiredSecret("configPassword", Names.PASSWORD));
            return problems.any() ? Optional.empty() : Optional.of(image);
        });
    }

    private static List<String> interfaces(Fields f) {
        List<String> interfaces = f.strings("networkInterfaces");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < interfaces.size(); i++) {
            String key = "networkInterfaces[" + i + "]";
            String name = f.follow(key, interfaces.get(i), Names.INTERFACE, true);
            if (name == null) {
                continue;
            }
            Matcher generated = GENERATED.matcher(name);
            if (name.equals("eth0")) {
                f.problem(key, "eth0 is the management interface and cannot be listed");
            } else if (name.equals("lo")) {
                f.problem(key, "lo is the loopback interface and cannot be listed");
            } else if (!seen.add(name)) {
                f.problem(key, Values.quote(name) + " is listed twice");
            } else if (generated.matches() && Long.parseLong(generated.group(1)) >= interfaces.size()) {
                f.problem(key, Values.quote(name) + " is the name given to connection " + generated.group(1)
                        + "'s interface when the list is shorter; use another name");
            }
        }
        return interfaces;
    }
}
