package io.antidote.tf.stack.docker;

import io.antidote.tf.live.LiveLesson;

/**
 * One ARP probe sent from an endpoint's interface for an address, and the MAC address that answered, read inside the
 * endpoint with python3's raw packet socket: proof that frames cross the link both ways between exactly these two
 * interfaces, whatever the endpoints' routing makes of addresses that overlap (most connections share the reference's
 * default subnet 169.0.0.0/16, so one endpoint may hold the same address on several interfaces).
 */
final class ArpProbe {
    private static final String SCRIPT = String.join("\n",
            "import socket, struct, sys, time",
            "ifname, target = sys.argv[1], sys.argv[2]",
            "mac = bytes.fromhex(open('/sys/class/net/%s/address' % ifname).read().strip().replace(':', ''))",
            // an ARP probe (RFC 5227: sender 0.0.0.0): the other end may hold the sender's own address on another
            // interface (overlapping default subnets), which would make it drop a request from that address
            "mine = bytes(4)",
            "s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0806))",
            "s.bind((ifname, 0))",
            "s.settimeout(0.5)",
            "tpa = socket.inet_aton(target)",
            "request = b'\\xff' * 6 + mac + b'\\x08\\x06' + struct.pack('!HHBBH', 1, 0x0800, 6, 4, 1) + mac + mine + bytes(6) + tpa",
            "deadline = time.time() + 5",
            "while time.time() < deadline:",
            "    s.send(request)",
            "    try:",
            "        while True:",
            "            frame = s.recv(2048)",
            "            op, sha, spa = struct.unpack('!H', frame[20:22])[0], frame[22:28], frame[28:32]",
            "            if op == 2 and spa == tpa:",
            "                print(':'.join('%02x' % b for b in sha)); sys.exit(0)",
            "    except socket.timeout:",
            "        pass",
            "sys.exit('no ARP answer for %s on %s' % (target, ifname))",
            "");

    private ArpProbe() {
    }

    /** The MAC address that answered for {@code address} on {@code endpoint}'s {@code ifname}. */
    static String answer(LiveLesson live, String endpoint, String ifname, String address) {
        return io.antidote.tf.testing.DockerEngine.docker(java.time.Duration.ofSeconds(30), "exec",
                DockerLab.container(live, endpoint), "python3", "-c", SCRIPT, ifname, address).ok();
    }

    /** The MAC address of {@code endpoint}'s {@code ifname}. */
    static String mac(LiveLesson live, String endpoint, String ifname) {
        return DockerLab.exec(live, endpoint, "cat /sys/class/net/" + ifname + "/address").ok();
    }
}
