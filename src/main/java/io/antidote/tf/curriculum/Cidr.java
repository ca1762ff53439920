package io.antidote.tf.curriculum;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks a connection subnet: an IPv4 network in CIDR form, prefix /8 to /30, with no host bits set. */
final class Cidr {
    private static final String OCTET = "(0|[1-9]\\d{0,2})";
    private static final Pattern FORM = Pattern.compile(OCTET + "\\." + OCTET + "\\." + OCTET + "\\." + OCTET + "/(\\d{1,2})");
    static final int MIN_PREFIX = 8;
    static final int MAX_PREFIX = 30;

    private Cidr() {
    }

    /** Why {@code text} is not an acceptable subnet, if it is not. */
    static Optional<String> problem(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.of("expected an IPv4 network like 10.0.0.0/24, got " + Values.quote(text));
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return Optional.of("octet " + octet + " is not in 0..255 in " + Values.quote(text));
            }
            address = (address << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix < MIN_PREFIX || prefix > MAX_PREFIX) {
            return Optional.of("prefix /" + prefix + " is not in /" + MIN_PREFIX + "../" + MAX_PREFIX
                    + " in " + Values.quote(text));
        }
        long mask = (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        if ((address & mask) != address) {
            return Optional.of(Values.quote(text) + " has host bits set: the network is " + dotted(address & mask)
                    + "/" + prefix);
        }
        return Optional.empty();
    }

    private static String dotted(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "."
                + (address & 255);
    }
}
