package io.antidote.tf.stack.kubernetes;

import io.antidote.tf.stack.StableHash;
import java.util.regex.Pattern;

/**
 * Every Kubernetes name and label value of a livelesson's stack, as pure functions (no jsii), so that their limits can
 * be checked for any input (KubernetesNamingProperties). A name that already fits its rule is used as is (the
 * reference's names); anything else (too long, a character the rule refuses) becomes a readable prefix and
 * {@value #HASH_LENGTH} base32 characters of SHA-256 of the whole original, so distinct inputs keep distinct names.
 */
public final class KubernetesNaming {
    /** DNS-1123 labels (namespaces, services, most object names) and label values: 63 characters. */
    public static final int LABEL_MAX = 63;
    /** Linux interface names (the bridge of a connection): 15 characters. */
    public static final int BRIDGE_MAX = 15;
    static final int HASH_LENGTH = 10;
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");

    private KubernetesNaming() {
    }

    /** Whether {@code name} is a DNS-1123 label of at most 63 characters (namespaces, pods, most objects). */
    public static boolean isDns1123Label(String name) {
        return name.length() <= LABEL_MAX && DNS_1123_LABEL.matcher(name).matches();
    }

    /** Whether {@code name} is a DNS-1035 label of at most 63 characters (services: a letter first). */
    public static boolean isDns1035Label(String name) {
        return name.length() <= LABEL_MAX && DNS_1035_LABEL.matcher(name).matches();
    }

    /** Whether {@code value} is a valid label value (at most 63 characters, empty allowed). */
    public static boolean isLabelValue(String value) {
        return value.length() <= LABEL_MAX && LABEL_VALUE.matcher(value).matches();
    }

    /** The livelesson's namespace: {@code <prefix><instanceId>-<livelessonId>}, a DNS-1123 label. */
    public static String namespace(String prefix, String uullid) {
        return dns1123(prefix + uullid);
    }

    /** {@code text} if it is a DNS-1123 label, else a readable prefix and a hash of it (still a DNS-1123 label). */
    public static String dns1123(String text) {
        if (isDns1123Label(text)) {
            return text;
        }
        return hashed(text, sanitize(text, false), LABEL_MAX);
    }

    /** {@code text} if it is a DNS-1035 label, else a readable prefix and a hash of it (a letter first). */
    public static String dns1035(String text) {
        if (isDns1035Label(text)) {
            return text;
        }
        String readable = sanitize(text, false);
        return hashed(text, readable.isEmpty() || !Character.isLetter(readable.charAt(0)) ? "x" + readable : readable,
                LABEL_MAX);
    }

    /** {@code text} if it is a valid label value, else a readable prefix and a hash of it (a valid label value). */
    public static String labelValue(String text) {
        if (isLabelValue(text)) {
            return text;
        }
        return hashed(text, sanitize(text, true), LABEL_MAX);
    }

    /** A DNS-1123 label made of a readable prefix of {@code text} and its hash, whatever {@code text} is. */
    public static String hashedDns1123(String text) {
        return hashed(text, sanitize(text, false), LABEL_MAX);
    }

    /**
     * The Linux bridge of connection {@code index} of livelesson {@code uullid} on its node: {@code ab} and 13 base32
     * characters of SHA-256 of both, 15 characters (IFNAMSIZ), unique per livelesson and connection (65 bits).
     */
    public static String bridge(String uullid, int index) {
        return "ab" + StableHash.base32(uullid + "/" + index, BRIDGE_MAX - 2);
    }

    /** {@code readable} cut so that {@code -<hash of original>} fits in {@code max}, without a trailing hyphen. */
    private static String hashed(String original, String readable, int max) {
        String hash = StableHash.base32(original, HASH_LENGTH);
        String head = readable.substring(0, Math.min(readable.length(), max - HASH_LENGTH - 1));
        head = head.replaceAll("[-_.]+$", "");
        return head.isEmpty() ? "h" + hash : head + "-" + hash;
    }

    /** Lower-case letters, digits and hyphens of {@code text} (and dots, underscores, upper case for label values). */
    private static String sanitize(String text, boolean labelValue) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || (labelValue && ((c >= 'A' && c <= 'Z') || c == '_' || c == '.'));
            if (ok) {
                b.append(c);
            } else if (!labelValue && c >= 'A' && c <= 'Z') {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString().replaceAll("^[-_.]+", "");
    }
}
