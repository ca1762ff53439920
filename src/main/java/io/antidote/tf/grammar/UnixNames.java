package io.antidote.tf.grammar;

/** Names the host's tools take: user names ({@code useradd}, ssh) and network interface names ({@code ip link}). */
public final class UnixNames {
    /**
     * A login name as Debian's {@code useradd} accepts it without {@code --badname}: a lower-case letter or
     * {@code _}, then lower-case letters, digits, {@code _} and {@code -}, at most 32 characters (the Linux limit).
     * A subset of POSIX's portable user names, so that a lab's user can be created on any image (the stand-ins
     * create them).
     */
    public static final Rule USER = Rule.matching("[a-z_][a-z0-9_-]*", 32,
            "a login name: a lower-case letter or '_', then lower-case letters, digits, '_' and '-'");

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
