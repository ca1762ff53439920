package io.antidote.tf.stack;

/** IPv4 arithmetic for connection subnets. */
public final class Subnets {
    private Subnets() {
    }

    /** The {@code n}-th host address of {@code cidr} (network + n) with the prefix length: {@code 10.0.0.1/24}. */
    public static String hostAddress(String stack, String cidr, int n) {
        String[] parts = cidr.split("/");
        String[] octets = parts.length == 2 ? parts[0].split("\\.") : new String[0];
        if (octets.length != 4) {
            throw new StackException(stack, "connection subnet '" + cidr + "' is not an IPv4 CIDR");
        }
        try {
            int prefix = Integer.parseInt(parts[1]);
            if (prefix < 0 || prefix > 29) {
                throw new StackException(stack, "connection subnet " + cidr + " is too small for the addresses .2 and .3 (its prefix must be /29 or shorter)");
            }
            long ip = 0;
            for (String o : octets) {
                int v = Integer.parseInt(o);
                if (v < 0 || v > 255) {
                    throw new NumberFormatException(o);
                }
                ip = (ip << 8) | v;
            }
            long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
            long host = (ip & mask) + n;
            return ((host >> 24) & 255) + "." + ((host >> 16) & 255) + "." + ((host >> 8) & 255) + "." + (host & 255) + "/" + prefix;
        } catch (NumberFormatException e) {
            throw new StackException(stack, "connection subnet '" + cidr + "' is not an IPv4 CIDR", e);
        }
    }
}
