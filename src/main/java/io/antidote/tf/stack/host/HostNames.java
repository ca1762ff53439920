package io.antidote.tf.stack.host;

import io.antidote.tf.stack.StableHash;

/**
 * The names a livelesson's objects have on a lesson host, unique per livelesson on one Docker engine (several
 * livelessons may share it on the docker target) and within Linux's limits: interface names at most 15 characters,
 * iptables chains at most 28. All derive from the UULLID through a hash, so they are stable and need no state.
 *
 * @param tag 12 base32 characters of SHA-256 of the UULLID
 */
public record HostNames(String uullid, String tag) {

    public static HostNames of(String uullid) {
        return new HostNames(uullid, StableHash.base32(uullid, 12));
    }

    /** The livelesson's Docker network (its management network, where endpoints find each other by name). */
    public String network() {
        return "antidote-" + uullid;
    }

    /** The Linux bridge of that network ({@code al} + tag: 14 characters). */
    public String bridge() {
        return "al" + tag;
    }

    /** The iptables chain holding the livelesson's isolation rules (22 characters). */
    public String chain() {
        return "ANTIDOTE-" + tag.toUpperCase(java.util.Locale.ROOT);
    }

    /** The bridge of connection {@code c} ({@code ac} + 10 of the tag + c: at most 15 characters for c < 1000). */
    public String connectionBridge(int c) {
        return "ac" + tag.substring(0, 10) + c;
    }

    /** The host side of link {@code l}'s veth pair ({@code av} + 8 of the tag + l). */
    public String veth(int l) {
        return "av" + tag.substring(0, 8) + l;
    }

    /** The other side's name until it is moved into the endpoint and renamed ({@code aw} + 8 of the tag + l). */
    public String vethPeer(int l) {
        return "aw" + tag.substring(0, 8) + l;
    }

    /** The container of endpoint {@code endpoint}. */
    public String container(String endpoint) {
        return "antidote-" + uullid + "-" + endpoint;
    }

    /** The container holding endpoint {@code endpoint}'s network namespace (its addresses, ports and interfaces). */
    public String netHolder(String endpoint) {
        return container(endpoint) + "-net";
    }
}
