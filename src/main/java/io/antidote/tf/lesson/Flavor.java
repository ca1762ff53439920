package io.antidote.tf.lesson;

/**
 * How much an image is trusted. {@code trusted}: privileged with NET_ADMIN (virtual network devices that need
 * KVM); {@code untrusted}: unprivileged with NET_ADMIN, sandboxed; {@code legacy}: unprivileged with NET_ADMIN.
 */
public enum Flavor implements Keyword {
    TRUSTED, UNTRUSTED, LEGACY;
}
