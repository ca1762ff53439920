package io.antidote.tf.stack.host;

import io.antidote.tf.lesson.ConfigurationType;
import io.antidote.tf.lesson.Flavor;
import io.antidote.tf.sink.ShellWord;
import io.antidote.tf.sink.TerraformTemplate;
import io.antidote.tf.stack.ConnectionLinks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The livelesson's plan as the lesson host script reads it: bash assignments of single-quoted words and arrays of them
 * (every value through {@link ShellWord}; the whole text a Terraform string through {@link TerraformTemplate}). Data
 * only: the script's code never comes from a livelesson. Parallel arrays, one element per endpoint ({@code EP_*}, in
 * lesson order), connection ({@code CONN_*}) or link ({@code LINK_*}: one end of a connection).
 */
public final class PlanFile {
    /** The plan's format; the lesson host script refuses any other. */
    public static final int FORMAT = 1;

    private PlanFile() {
    }

    /** The plan text; {@code address.apply(i)} is endpoint i's address on the host. */
    public static TerraformTemplate render(HostPlan plan, HostSettings s, IntFunction<HostAddress> address) {
        HostNames names = HostNames.of(s.uullid());
        TerraformTemplate t = new TerraformTemplate();
        t.literal("# antidote lesson host plan of livelesson " + s.uullid() + "\n");
        word(t, "LL_FORMAT", String.valueOf(FORMAT));
        word(t, "LL_UULLID", s.uullid());
        word(t, "LL_STATE_DIR", s.stateDir());
        word(t, "LL_LESSON_SRC", s.lessonSource());
        word(t, "LL_SECRETS_DIR", s.secretsDir());
        word(t, "LL_DNS_SEARCH", s.dnsSearch());
        word(t, "LL_CONFIGURATOR", s.configuratorImage());
        word(t, "LL_NET_HOLDER_IMAGE", HostSettings.NET_HOLDER_IMAGE);
        word(t, "LL_ALLOW_EGRESS", s.allowEgress() ? "1" : "0");
        word(t, "LL_ALWAYS_PULL", s.alwaysPull() ? "1" : "0");
        word(t, "LL_NETWORK", names.network());
        word(t, "LL_BRIDGE", names.bridge());
        word(t, "LL_CHAIN", names.chain());
        List<String> labels = new ArrayList<>();
        new TreeMap<>(s.labels()).forEach((k, v) -> labels.add(k + "=" + v));
        array(t, "LL_LABELS", labels);
        List<EndpointSpec> eps = plan.endpoints();
        array(t, "EP_NAME", each(eps, EndpointSpec::name));
        array(t, "EP_IMAGE", each(eps, EndpointSpec::imageRef));
        array(t, "EP_IMAGE_SLUG", each(eps, EndpointSpec::imageSlug));
        array(t, "EP_FLAVOR", each(eps, e -> flavor(e.flavor())));
        array(t, "EP_FORWARD", each(eps, e -> e.enableForwarding() ? "1" : "0"));
        t.literal("EP_ADDR=(");
        for (int i = 0; i < eps.size(); i++) {
            t.literal(i == 0 ? "" : " ").append(address.apply(eps.get(i).index()).shellWord());
        }
        t.literal(")\n");
        array(t, "EP_PORTS", each(eps, e -> String.join(" ", e.ports().stream().map(String::valueOf).toList())));
        array(t, "EP_CONTAINER", each(eps, e -> names.container(e.name())));
        array(t, "EP_NET", each(eps, e -> names.netHolder(e.name())));
        array(t, "EP_CONFIG", each(eps, e -> configuration(e.configurationType())));
        array(t, "EP_CONFIG_FILE", each(eps, EndpointSpec::configurationFile));
        array(t, "EP_CONFIG_USER", each(eps, EndpointSpec::configUser));
        array(t, "EP_NAPALM_DRIVER", each(eps, EndpointSpec::napalmDriver));
        List<String> bridges = new ArrayList<>();
        for (int c = 0; c < plan.connections().size(); c++) {
            bridges.add(names.connectionBridge(c));
        }
        array(t, "CONN_BRIDGE", bridges);
        List<String> ep = new ArrayList<>();
        List<String> conn = new ArrayList<>();
        List<String> ifs = new ArrayList<>();
        List<String> addrs = new ArrayList<>();
        List<String> veths = new ArrayList<>();
        List<String> peers = new ArrayList<>();
        for (EndpointSpec e : eps) {
            for (ConnectionLinks.Link link : e.links()) {
                ep.add(String.valueOf(e.index()));
                conn.add(String.valueOf(link.connection()));
                ifs.add(link.interfaceName());
                addrs.add(link.address());
                veths.add(names.veth(veths.size()));
                peers.add(names.vethPeer(peers.size()));
            }
        }
        array(t, "LINK_EP", ep);
        array(t, "LINK_CONN", conn);
        array(t, "LINK_IF", ifs);
        array(t, "LINK_ADDR", addrs);
        array(t, "LINK_VETH", veths);
        array(t, "LINK_PEER", peers);
        return t;
    }

    private static String flavor(Flavor f) {
        return switch (f) {
            case TRUSTED -> "trusted";
            case UNTRUSTED -> "untrusted";
            case LEGACY -> "legacy";
        };
    }

    private static String configuration(ConfigurationType type) {
        return switch (type) {
            case NONE -> "";
            case PYTHON -> "python";
            case ANSIBLE -> "ansible";
            case NAPALM -> "napalm";
        };
    }

    private static List<String> each(List<EndpointSpec> eps, Function<EndpointSpec, String> f) {
        return eps.stream().map(f).toList();
    }

    private static void word(TerraformTemplate t, String name, String value) {
        t.literal(name + "=" + ShellWord.quote(value) + "\n");
    }

    private static void array(TerraformTemplate t, String name, List<String> values) {
        t.literal(name + "=" + ShellWord.array(values) + "\n");
    }
}
