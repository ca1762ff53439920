package io.antidote.tf.lesson;

import java.util.List;
import java.util.Objects;

/**
 * An endpoint image, from {@code images/<slug>/image.meta.yaml}. Credentials are the lab's own well-known
 * ones, yet never printed: {@link #toString()} leaves the passwords out.
 */
public record Image(
        String slug,
        String description,
        Flavor flavor,
        boolean enableForwarding,
        List<String> networkInterfaces,
        String sshUser,
        String sshPassword,
        String configUser,
        String configPassword) {

    public Image {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(flavor, "flavor");
        description = description == null ? "" : description;
        networkInterfaces = List.copyOf(networkInterfaces == null ? List.of() : networkInterfaces);
        sshUser = sshUser == null ? "" : sshUser;
        sshPassword = sshPassword == null ? "" : sshPassword;
        configUser = configUser == null ? "" : configUser;
        configPassword = configPassword == null ? "" : configPassword;
    }

    /** The name of the interface attached to the endpoint's {@code n}-th connection (from 0): as listed, else {@code net<n>}. */
    public String interfaceName(int n) {
        return n < networkInterfaces.size() ? networkInterfaces.get(n) : "net" + n;
    }

    @Override
    public String toString() {
        return "Image[slug=" + slug + ", flavor=" + flavor.id() + ", enableForwarding=" + enableForwarding
                + ", networkInterfaces=" + networkInterfaces + ", sshUser=" + sshUser + ", configUser=" + configUser + "]";
    }
}
