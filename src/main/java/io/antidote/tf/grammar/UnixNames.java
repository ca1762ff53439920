package io.antidote.tf.grammar;

/** Names the host's tools take: user names ({@code useradd}, ssh) and network interface names ({@code ip link}). */
public final class UnixNames {
    /**
     * A portable user name (POSIX: letters, digits, {@code .}, {@code _}, {@code -}, not starting with a hyphen),
     * not starting with a dot either, at most 32 characters (the Linux limit).
     */
    public static final Rule USER = Rule.matching("[A-Za-z0-9_][A-Za-z0-9_.-]*", 32,
            "a portable user name: letters, digits, '.', '_' and '-', starting with a letter, digit or '_'");

    /**
     * A Linux interface name: at most 15 characters (IFNAMSIZ less the NUL), a lower-case letter then lower-case
     * letters, digits, {@code _}, {@code .} and {@code -}: a shell word, an {@code ip link} name and a Kubernetes
     * annotation value as it is.
     */
    public static final Rule INTERFACE = Rule.matching("[a-z][a-z0-9_.-]*", 15,
            "a network interface name: a lower-case letter, then lower-case letters, digits, '_', '.' and '-'");

    private UnixNames() {
    }
}
