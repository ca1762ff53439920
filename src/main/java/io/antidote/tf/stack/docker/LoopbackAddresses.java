package io.antidote.tf.stack.docker;

import io.antidote.tf.stack.StableHash;

/**
 * The addresses a livelesson's endpoints are published at on the docker target: loopback addresses of their own,
 * {@code 127.<a>.<b>.<i + 1>} for endpoint i, where {@code a.b} comes from a hash of the UULLID ({@code a} in
 * 16..255, so the commonly used {@code 127.0-15.x.x} stay free). Linux answers on the whole of {@code 127.0.0.0/8}
 * without configuration, so nothing is added to the host; each endpoint has all its ports at its own address, as on
 * AWS. Two livelessons share a block with probability about n^2/(2 * 61,440) for n at once; a clash only matters
 * when the same endpoint index publishes the same port, and then fails the second livelesson's start naming the port.
 */
final class LoopbackAddresses {
    /** A livelesson may have at most this many endpoints on the docker target. */
    static final int MAX_ENDPOINTS = 254;

    private LoopbackAddresses() {
    }

    static String of(String uullid, int endpointIndex) {
        if (endpointIndex < 0 || endpointIndex >= MAX_ENDPOINTS) {
            throw new IllegalArgumentException("endpoint index " + endpointIndex + " outside 0.." + (MAX_ENDPOINTS - 1));
        }
        long h = StableHash.number(uullid);
        int a = 16 + (int) (h % 240);
        int b = (int) ((h >>> 8) & 255);
        return "127." + a + "." + b + "." + (endpointIndex + 1);
    }
}
