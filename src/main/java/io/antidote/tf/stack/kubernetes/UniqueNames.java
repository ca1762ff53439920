package io.antidote.tf.stack.kubernetes;

import java.util.HashSet;
import java.util.Set;

/**
 * Names of one kind of object in one namespace, made unique: the first object whose natural name (made a DNS-1123
 * label by {@link KubernetesNaming#dns1123}) is free keeps it, a later one that would repeat it gets a hashed name
 * of its natural name and its own key. {@code a-b} + {@code c} and {@code a} + {@code b-c}, say, both read
 * {@code a-b-c}; the second becomes {@code a-b-c-<hash>}.
 */
final class UniqueNames {
    private final Set<String> taken = new HashSet<>();
    private final boolean dns1035;

    /** @param dns1035 whether names must start with a letter (services) */
    UniqueNames(boolean dns1035) {
        this.dns1035 = dns1035;
    }

    /** A free name for the object {@code key} whose natural name is {@code natural}. */
    String take(String natural, String key) {
        String name = dns1035 ? KubernetesNaming.dns1035(natural) : KubernetesNaming.dns1123(natural);
        for (int attempt = 0; !taken.add(name); attempt++) {
            String text = natural + "\n" + key + (attempt == 0 ? "" : "\n" + attempt);
            name = dns1035 ? KubernetesNaming.dns1035("x" + KubernetesNaming.hashedDns1123(text))
                    : KubernetesNaming.hashedDns1123(text);
        }
        return name;
    }
}
