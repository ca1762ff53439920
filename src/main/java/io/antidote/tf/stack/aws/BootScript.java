package io.antidote.tf.stack.aws;

import java.util.List;

/**
 * The host's boot script (EC2 user data): /antidote from EFS, registry login, the endpoints' containers on their
 * addresses, connection bridges, egress isolation, and {@code /opt/antidote/configure.sh}. Pure text: addresses are
 * given (in a stack they are Terraform references), so the script itself never uses a dollar or percent sign
 * followed by an opening brace (Terraform would read it as a template).
 */
public final class BootScript {
    /** EC2 accepts 16 KB of user data; references to addresses grow the text when resolved. */
    public static final int MAX_LENGTH = 15_000;

    private BootScript() {
    }

    /** The script; {@code addresses.get(i)} is endpoint i's address. */
    public static String render(HostPlan plan, HostSettings s, List<String> addresses) {
        StringBuilder b = new StringBuilder();
        b.append("#!/bin/bash\n# antidote livelesson ").append(s.uullid()).append('\n');
        b.append("set -euo pipefail\nexec >>/var/log/antidote-boot.log 2>&1\n");
        b.append("DEV=$(ip route show default | awk '{print $5; exit}')\n");
        b.append("mkdir -p /mnt/curriculum /antidote /opt/antidote\n");
        b.append("mount -t efs -o ro,tls ").append(s.efsFileSystemId()).append(':').append(s.efsCurriculumPath())
                .append(" /mnt/curriculum\n");
        b.append("cp -a '/mnt/curriculum/").append(s.lessonDir()).append("/.' /antidote/\numount /mnt/curriculum\n");
        if (!s.ecrRegistry().isEmpty()) {
            b.append("aws ecr get-login-password --region ").append(s.region())
                    .append(" | docker login --username AWS --password-stdin ").append(s.ecrRegistry()).append('\n');
        }
        if (!s.registryCredentialsSecretArn().isEmpty()) {
            b.append("SECRET=$(aws secretsmanager get-secret-value --region ").append(s.region()).append(" --secret-id ")
                    .append(s.registryCredentialsSecretArn()).append(" --query SecretString --output text)\n");
            b.append("jq -r .password <<<\"$SECRET\" | docker login --username \"$(jq -r .username <<<\"$SECRET\")\""
                    + " --password-stdin \"$(jq -r .registry <<<\"$SECRET\")\"\nunset SECRET\n");
        }
        b.append("docker network create antidote\n");
        for (EndpointSpec ep : plan.endpoints()) {
            String ip = addresses.get(ep.index());
            b.append("ip addr replace ").append(ip).append("/32 dev \"$DEV\"\n");
            if (s.alwaysPull()) {
                b.append("docker pull ").append(ep.imageRef()).append('\n');
            }
            b.append("docker run -d --name ").append(ep.name()).append(" --hostname ").append(ep.name())
                    .append(" --restart unless-stopped --network antidote --dns-search ").append(s.zoneName())
                    .append(" -v /antidote:/antidote");
            b.append(switch (ep.flavor()) {
                case TRUSTED -> " --privileged";
                case UNTRUSTED -> " --runtime runsc --cap-add NET_ADMIN";
                case LEGACY -> " --cap-add NET_ADMIN";
            });
            if (ep.enableForwarding()) {
                b.append(" --sysctl net.ipv4.ip_forward=1 --sysctl net.ipv6.conf.all.forwarding=1");
            }
            for (int port : ep.ports()) {
                b.append(" -p ").append(ip).append(':').append(port).append(':').append(port);
            }
            b.append(' ').append(ep.imageRef()).append('\n');
        }
        links(b, plan);
        if (!s.allowEgress()) {
            isolate(b, addresses.subList(0, plan.endpoints().size()));
        }
        b.append("cat >/opt/antidote/configure.sh <<'CONFIGURE'\n").append(ConfigureScript.render(plan, s, addresses))
                .append("CONFIGURE\nchmod 700 /opt/antidote/configure.sh\n");
        return b.toString();
    }

    private static void links(StringBuilder b, HostPlan plan) {
        if (plan.connections().isEmpty()) {
            return;
        }
        b.append("attach() {\n  local pid\n  pid=$(docker inspect -f '{{.State.Pid}}' \"$1\")\n"
                + "  ip link add \"$4\" type veth peer name \"$4\"c\n  ip link set \"$4\" master \"$5\" up\n"
                + "  ip link set \"$4\"c netns \"$pid\"\n  nsenter -t \"$pid\" -n ip link set \"$4\"c name \"$2\"\n"
                + "  nsenter -t \"$pid\" -n ip addr add \"$3\" dev \"$2\"\n  nsenter -t \"$pid\" -n ip link set \"$2\" up\n}\n");
        for (int c = 0; c < plan.connections().size(); c++) {
            b.append("ip link add abr").append(c).append(" type bridge\nip link set abr").append(c).append(" up\n");
        }
        for (EndpointSpec ep : plan.endpoints()) {
            for (EndpointSpec.Link link : ep.links()) {
                b.append("attach ").append(ep.name()).append(' ').append(link.interfaceName()).append(' ')
                        .append(link.address()).append(" av").append(ep.index()).append('x').append(link.connection())
                        .append(" abr").append(link.connection()).append('\n');
            }
        }
    }

    private static void isolate(StringBuilder b, List<String> addresses) {
        b.append("BR=br-$(docker network inspect -f '{{.Id}}' antidote | cut -c1-12)\n");
        b.append("iptables -I DOCKER-USER -i \"$BR\" -j DROP\n");
        for (String ip : addresses) {
            b.append("iptables -I DOCKER-USER -i \"$BR\" -d ").append(ip).append(" -j ACCEPT\n");
        }
        b.append("iptables -I DOCKER-USER -i \"$BR\" -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT\n");
    }
}
