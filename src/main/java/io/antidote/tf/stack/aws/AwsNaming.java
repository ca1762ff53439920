package io.antidote.tf.stack.aws;

import io.antidote.tf.stack.StableHash;

/**
 * Every AWS name and stable hash of a livelesson's stack, as pure functions (no jsii), so that their limits can be
 * checked exhaustively (see AwsNamingProperties). Limits are in docs/aws.md.
 */
public final class AwsNaming {
    /** Target group names: 1..32 characters. */
    public static final int TARGET_GROUP_NAME_MAX = 32;
    private static final int INSTANCE_PREFIX = 10;

    private AwsNaming() {
    }

    /** The first 8 bytes of SHA-256 of {@code text} as a non-negative number (63 bits). */
    public static long hash(String text) {
        return StableHash.number(text);
    }

    /** {@code length} lower-case base32 characters of SHA-256 of {@code text} (5 bits each). */
    public static String shortHash(String text, int length) {
        return StableHash.base32(text, length);
    }

    /** {@code antidote-<uullid>}: never starts with {@code sg-}, at most 9 + 31 characters. */
    public static String securityGroupName(String uullid) {
        return "antidote-" + uullid;
    }

    /**
     * {@code <livelessonId>-<instanceId, first 10>-<8 base32 of uullid/endpoint/presentation>}: at most 30 characters
     * for 10-character livelesson IDs; never starts or ends with a hyphen, never starts with {@code internal-};
     * unique per presentation through the hash of the full key.
     */
    public static String targetGroupName(String instanceId, String liveLessonId, String endpoint, String presentation) {
        String instance = instanceId.length() > INSTANCE_PREFIX ? instanceId.substring(0, INSTANCE_PREFIX) : instanceId;
        instance = instance.replaceAll("-+$", "");
        String hash = shortHash(instanceId + "-" + liveLessonId + "/" + endpoint + "/" + presentation, 8);
        String name = liveLessonId + "-" + instance + "-" + hash;
        if (name.length() > TARGET_GROUP_NAME_MAX || name.startsWith("internal-") || name.startsWith("-")) {
            name = "t" + shortHash(instanceId + "-" + liveLessonId, 12) + "-" + hash;
        }
        return name;
    }

    /** The private zone of the livelesson. */
    public static String zoneName(String uullid, String privateZoneDomain) {
        return uullid + "." + privateZoneDomain;
    }

    /** The SSM association of a stage. */
    public static String associationName(String uullid, int stage) {
        return "antidote-" + uullid + "-stage" + stage;
    }

    /** Index in a list of {@code size} (subnets, listeners) chosen by a stable hash of {@code uullid}. */
    public static int pick(String uullid, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("nothing to pick from for " + uullid);
        }
        return (int) (hash(uullid) % size);
    }

    /** A Terraform resource name for {@code prefix} and a DNS-label-like {@code name}. */
    public static String resourceName(String prefix, String name) {
        return prefix + "_" + name.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
