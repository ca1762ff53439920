package io.antidote.tf.grammar;

import java.util.Optional;

/** Host names: a label is lower-case letters, digits and inner hyphens (RFC 1123), a domain is labels and dots. */
public final class DnsNames {
    private static final String LABEL = "[a-z0-9]([a-z0-9-]*[a-z0-9])?";
    /** The longest label DNS allows. */
    public static final int MAX_LABEL = 63;
    /** The longest domain name DNS allows, without the final dot. */
    public static final int MAX_DOMAIN = 253;

    /** A domain such as {@code labs.example.org} or {@code localhost}: labels of at most 63 characters. */
    public static final Rule DOMAIN = Rule.matching("(" + LABEL + "\\.)*" + LABEL, MAX_DOMAIN,
            "a DNS name: lower-case letters, digits and inner hyphens in labels separated by dots")
            .and(DnsNames::labelLengths);

    private DnsNames() {
    }

    /** A DNS label of at most {@code max} characters. */
    public static Rule label(int max) {
        return Rule.matching(LABEL, max, "a DNS label: lower-case letters, digits and inner hyphens");
    }

    private static Optional<String> labelLengths(String domain) {
        for (String label : domain.split("\\.")) {
            if (label.length() > MAX_LABEL) {
                return Optional.of("must have labels of at most " + MAX_LABEL + " characters, one has "
                        + label.length());
            }
        }
        return Optional.empty();
    }
}
