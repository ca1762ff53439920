package io.antidote.tf.stack.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.stack.StackException;
import io.antidote.tf.stack.StackFixtures;
import io.antidote.tf.stack.StackOutputs;
import io.antidote.tf.stack.StackRequest;
import io.antidote.tf.stack.StackTags;
import io.antidote.tf.stack.SynthesizedStack;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The synthesized JSON, feature by feature. One synthesizer per configuration for the class (jsii starts slowly). */
class AwsStackSynthesizerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AntidoteConfig CLOSED = StackFixtures.config(false, StackFixtures.aws(1));
    private static final AntidoteConfig SHARDED = StackFixtures.config(true, StackFixtures.aws(3));
    private static AwsStackSynthesizer closed;
    private static AwsStackSynthesizer sharded;

    @BeforeAll
    static void start() {
        closed = new AwsStackSynthesizer(CLOSED, StackFixtures.buildInfo());
        sharded = new AwsStackSynthesizer(SHARDED, StackFixtures.buildInfo());
    }

    @AfterAll
    static void stop() {
        closed.close();
        sharded.close();
    }

    private static SynthesizedStack network(AwsStackSynthesizer s, AntidoteConfig c, int stage) {
        return s.synth(StackFixtures.request(c, StackFixtures.networkLesson(), stage, "abcde12345"));
    }

    private static JsonNode tree(SynthesizedStack stack) throws Exception {
        return JSON.readTree(stack.json());
    }

    private static Iterable<Map.Entry<String, JsonNode>> resources(JsonNode tree, String type) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        JsonNode of = tree.path("resource").path(type);
        of.fields().forEachRemaining(out::add);
        return out;
    }

    @Test
    void egressStaysInsideTheLessonUnlessAllowed() throws Exception {
        JsonNode closedTree = tree(network(closed, CLOSED, 0));
        for (var rule : resources(closedTree, "aws_vpc_security_group_egress_rule")) {
            assertThat(rule.getValue().path("cidr_ipv4").asText()).as(rule.getKey()).isNotEqualTo("0.0.0.0/0");
            assertThat(rule.getValue().has("cidr_ipv6")).as(rule.getKey()).isFalse();
        }
        assertThat(closedTree.toString()).doesNotContain("0.0.0.0/0");
        assertThat(userData(closedTree)).contains("LL_ALLOW_EGRESS='0'\n");
        JsonNode open = tree(network(sharded, SHARDED, 0));
        assertThat(open.at("/resource/aws_vpc_security_group_egress_rule/out_any_ipv4/cidr_ipv4").asText()).isEqualTo("0.0.0.0/0");
        assertThat(userData(open)).contains("LL_ALLOW_EGRESS='1'\n");
    }

    @Test
    void ingressOnlyFromTheLessonTheSchedulerAndTheLoadBalancerOnHttpPorts() throws Exception {
        JsonNode t = tree(network(closed, CLOSED, 0));
        Set<String> sources = new HashSet<>();
        Set<Integer> albPorts = new HashSet<>();
        for (var rule : resources(t, "aws_vpc_security_group_ingress_rule")) {
            JsonNode r = rule.getValue();
            assertThat(r.has("cidr_ipv4") || r.has("cidr_ipv6") || r.has("prefix_list_id")).as(rule.getKey()).isFalse();
            sources.add(r.path("referenced_security_group_id").asText());
            if (r.path("referenced_security_group_id").asText().equals("sg-0alb")) {
                assertThat(r.path("from_port").asInt()).isEqualTo(r.path("to_port").asInt());
                albPorts.add(r.path("from_port").asInt());
            }
        }
        assertThat(sources).containsExactlyInAnyOrder("${aws_security_group.lesson.id}", "sg-0scheduler", "sg-0alb");
        assertThat(albPorts).containsExactlyInAnyOrder(8080, 3000, 8888);
        assertThat(t.at("/resource/aws_security_group/lesson/name").asText()).isEqualTo("antidote-ptr-abcde12345")
                .doesNotStartWith("sg-");
    }

    @Test
    void oneRecordPerEndpointInTheLessonsPrivateZone() throws Exception {
        JsonNode t = tree(network(closed, CLOSED, 0));
        Map<String, String> names = new java.util.TreeMap<>();
        for (var rec : resources(t, "aws_route53_record")) {
            if (rec.getValue().path("zone_id").asText().equals("${aws_route53_zone.zone.zone_id}")) {
                names.put(rec.getValue().path("name").asText(), rec.getValue().path("records").get(0).asText());
            }
        }
        String zone = "ptr-abcde12345.antidote.internal";
        assertThat(names).containsOnlyKeys("vqfx1." + zone, "vqfx2." + zone, "linux1." + zone, "jupyterlabguide." + zone);
        assertThat(names.get("vqfx1." + zone)).isEqualTo("${element(aws_network_interface.host_eni.private_ip_list, 1)}");
        assertThat(t.at("/resource/aws_route53_zone/zone/name").asText()).isEqualTo(zone);
        assertThat(t.at("/resource/aws_network_interface/host_eni/private_ips_count").asInt()).isEqualTo(4);
        assertThat(userData(t)).contains("LL_DNS_SEARCH='" + zone + "'\n");
    }

    @Test
    void targetGroupAndExactHostRulePerHttpPresentation() throws Exception {
        SynthesizedStack stack = network(sharded, SHARDED, 0);
        JsonNode t = tree(stack);
        Map<String, String> hosts = new java.util.TreeMap<>();
        Set<String> listeners = new HashSet<>();
        for (var rule : resources(t, "aws_lb_listener_rule")) {
            JsonNode r = rule.getValue();
            hosts.put(rule.getKey(), r.at("/condition/0/host_header/values").toString());
            listeners.add(r.path("listener_arn").asText());
            String tg = r.at("/action/0/target_group_arn").asText();
            assertThat(tg).startsWith("${aws_lb_target_group.http_").endsWith(".arn}");
            assertThat(r.path("priority").asInt()).isBetween(1, 50_000);
        }
        String base = "ptr-abcde12345-";
        assertThat(hosts).containsExactlyInAnyOrderEntriesOf(Map.of(
                "http_linux1_web_rule", "[\"" + base + "linux1-web.labs.example.org\"]",
                "http_linux1_grafana_rule", "[\"" + base + "linux1-grafana.labs.example.org\"]",
                "http_jupyterlabguide_web_rule", "[\"" + base + "jupyterlabguide-web.labs.example.org\"]"));
        int shard = AwsNaming.pick("ptr-abcde12345", 3);
        assertThat(listeners).containsExactly(SHARDED.backendConfigs().terraform().aws().listeners().get(shard).listenerArn());
        for (var tg : resources(t, "aws_lb_target_group")) {
            assertThat(tg.getValue().path("target_type").asText()).isEqualTo("ip");
            assertThat(tg.getValue().path("name").asText().length()).isLessThanOrEqualTo(32);
        }
        assertThat(t.at("/resource/aws_lb_target_group_attachment/http_linux1_web_target/target_id").asText())
                .isEqualTo("${element(aws_network_interface.host_eni.private_ip_list, 3)}");
        assertThat(t.at("/resource/aws_route53_record/http_linux1_web_dns/alias/zone_id").asText()).isEqualTo("Z35SXDOTRQ7X7K");
        assertThat(t.at("/output/http_routes/value").size()).isEqualTo(3);
    }

    @Test
    void everyResourceThatTakesTagsCarriesTheLivelessonsTagsAndTheProviderNone() throws Exception {
        Set<String> tagged = new java.util.TreeSet<>();
        Set<String> untagged = new java.util.TreeSet<>();
        SynthesizedStack closedStack = network(closed, CLOSED, 0);
        JsonNode closedTree = tree(closedStack);
        for (JsonNode t : List.of(closedTree, tree(network(sharded, SHARDED, 0)))) {
            for (String type : (Iterable<String>) t.path("resource")::fieldNames) {
                for (Map.Entry<String, JsonNode> r : resources(t, type)) {
                    JsonNode tags = r.getValue().path("tags");
                    if (AwsTags.UNTAGGABLE.contains(type) || AwsTags.TAGS_TOO_NEW.contains(type)
                            || type.equals("terraform_data")) {
                        assertThat(tags.isMissingNode()).as(type).isTrue();
                        untagged.add(type);
                        continue;
                    }
                    String where = type + "." + r.getKey();
                    assertThat(tags.path(StackTags.MANAGED).asText()).as(where).isEqualTo("yes");
                    assertThat(tags.path(StackTags.ANTIDOTE_ID).asText()).as(where).isEqualTo("ptr");
                    assertThat(tags.path(StackTags.LIVE_LESSON).asText()).as(where).isEqualTo("abcde12345");
                    assertThat(tags.path(StackTags.LIVE_SESSION).asText()).as(where).isEqualTo("session1");
                    assertThat(tags.path(StackTags.LESSON_SLUG).asText()).as(where).isEqualTo("network-lab");
                    tagged.add(type);
                }
            }
            JsonNode provider = t.at("/provider/aws/0");
            assertThat(provider.has("default_tags")).isFalse();
            assertThat(provider.get("access_key").asText()).isEqualTo("mock");
            assertThat(provider.get("skip_requesting_account_id").asBoolean()).isTrue();
        }
        assertThat(tagged).contains("aws_instance", "aws_network_interface", "aws_route53_zone", "aws_security_group",
                "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule", "aws_lb_target_group",
                "aws_lb_listener_rule");
        assertThat(untagged).containsAll(AwsTags.UNTAGGABLE).containsAll(AwsTags.TAGS_TOO_NEW);
        assertThat(closedTree.at("/resource/aws_instance/host/tags/Name").asText())
                .isEqualTo("antidote-" + closedStack.name());
    }

    @Test
    void everyLivelessonOfAnInstanceHasTheSameProviderConfiguration() throws Exception {
        JsonNode one = tree(network(closed, CLOSED, 0)).path("provider");
        JsonNode other = tree(closed.synth(StackFixtures.request(CLOSED, StackFixtures.simpleLesson(), 1,
                "fffff00000"))).path("provider");
        assertThat(one.isObject()).isTrue();
        assertThat(other).isEqualTo(one);
    }

    @Test
    void onlineProviderHasNoCredentials() throws Exception {
        var aws = StackFixtures.aws(1);
        var online = new io.antidote.tf.config.AwsConfig(aws.region(), false, aws.vpcId(), aws.subnetIds(), aws.amiId(),
                null, null, null, aws.instanceProfileName(), aws.schedulerSecurityGroupId(), aws.albSecurityGroupId(),
                aws.efsSecurityGroupId(), aws.vpcEndpointSecurityGroupId(), aws.s3PrefixListId(), aws.efsFileSystemId(),
                null, null, aws.listeners(), null, null, null, null);
        AntidoteConfig config = StackFixtures.config(false, online);
        try (var s = new AwsStackSynthesizer(config, StackFixtures.buildInfo())) {
            JsonNode provider = tree(s.synth(StackFixtures.request(config, StackFixtures.simpleLesson(), 0, "x1"))).at("/provider/aws/0");
            assertThat(provider.has("access_key") || provider.has("secret_key") || provider.has("skip_credentials_validation")).isFalse();
            assertThat(provider.get("region").asText()).isEqualTo("us-east-1");
        }
    }

    @Test
    void noPasswordAndNoBackendOrMetadataInTheJson() {
        String json = network(closed, CLOSED, 1).json();
        assertThat(json).doesNotContain(StackFixtures.VQFX_PASSWORD, StackFixtures.UTILITY_PASSWORD, "antidotepassword",
                "\"//\"", "\"backend\"");
        assertThat(json).contains("/antidote/ptr/images/vqfx/configPassword");
    }

    @Test
    void identicalRequestsGiveIdenticalBytesFromAnyThread() throws Exception {
        String first = network(closed, CLOSED, 1).json();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<String>> others = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                others.add(pool.submit(() -> network(closed, CLOSED, 1).json()));
            }
            for (Future<String> f : others) {
                assertThat(f.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStageChangeChangesTheConfigurationResources() throws Exception {
        JsonNode s0 = tree(network(closed, CLOSED, 0));
        JsonNode s1 = tree(network(closed, CLOSED, 1));
        assertThat(s0.at("/resource/terraform_data/stage_trigger/input").asText()).isEqualTo("0");
        assertThat(s1.at("/resource/terraform_data/stage_trigger/input").asText()).isEqualTo("1");
        JsonNode assoc = s1.at("/resource/aws_ssm_association/configure");
        assertThat(assoc.at("/lifecycle/replace_triggered_by/0").asText()).isEqualTo("terraform_data.stage_trigger");
        assertThat(assoc.at("/parameters/commands").asText())
                .isEqualTo("cloud-init status --wait >/dev/null; bash '/var/lib/antidote/ptr-abcde12345/lesson-host.sh' configure 1");
        assertThat(assoc.get("wait_for_success_timeout_seconds").asInt()).isEqualTo(900);
        assertThat(s1.at("/output/stage/value").asText()).isEqualTo("1");
        assertThat(s0.at("/resource/aws_instance/host")).isEqualTo(s1.at("/resource/aws_instance/host"));
    }

    @Test
    void endpointsRunAsTheirFlavorSaysWithTheirInterfacesAndConfiguration() throws Exception {
        JsonNode t = tree(network(closed, CLOSED, 0));
        String data = userData(t);
        assertThat(t.at("/resource/aws_instance/host/instance_type").asText()).isEqualTo("c5.metal");
        assertThat(t.at("/resource/aws_instance/host/user_data_base64").asText()).isEqualTo("${base64gzip(local.user_data)}");
        assertThat(t.at("/resource/aws_instance/host/metadata_options/http_put_response_hop_limit").asInt()).isEqualTo(1);
        assertThat(data).contains(
                "EP_NAME=('vqfx1' 'vqfx2' 'linux1' 'jupyterlabguide')\n",
                "EP_IMAGE=('antidotelabs/vqfx:v1.2.3' 'antidotelabs/vqfx:v1.2.3' 'antidotelabs/utility:v1.2.3' 'antidotelabs/jupyter:v9.9.9')\n",
                "EP_FLAVOR=('trusted' 'trusted' 'untrusted' 'untrusted')\n",
                "EP_FORWARD=('1' '1' '0' '0')\n",
                "EP_ADDR=('${element(aws_network_interface.host_eni.private_ip_list, 1)}' "
                        + "'${element(aws_network_interface.host_eni.private_ip_list, 2)}' "
                        + "'${element(aws_network_interface.host_eni.private_ip_list, 3)}' "
                        + "'${element(aws_network_interface.host_eni.private_ip_list, 4)}')\n",
                "EP_PORTS=('22 830' '22 830' '22 8080 3000' '8888')\n",
                "EP_CONFIG=('napalm' 'ansible' 'python' '')\n",
                "EP_CONFIG_FILE=('vqfx1-junos.txt' 'vqfx2.yml' 'linux1.py' '')\n",
                "EP_NAPALM_DRIVER=('junos' '' '' '')\n",
                // vqfx1 comes before vqfx2 and vqfx2 before linux1: .2 to the earlier one on each connection
                "LINK_EP=('0' '1' '1' '2')\n", "LINK_CONN=('0' '0' '1' '1')\n",
                "LINK_IF=('em3' 'em3' 'em4' 'net0')\n",
                "LINK_ADDR=('10.12.0.2/24' '10.12.0.3/24' '169.0.0.2/16' '169.0.0.3/16')\n",
                "LL_LESSON_SRC='/mnt/curriculum/lessons/network-lab'\n",
                "LL_CONFIGURATOR='antidotelabs/configurator:v9.9.9'\n",
                "mount -t efs -o ro,tls 'fs-0123abcd:/curriculum' /mnt/curriculum\n",
                "--name '/antidote/ptr/images/vqfx/configPassword' --query Parameter.Value --output text"
                        + " >'/var/lib/antidote/secrets/vqfx/configPassword'\n",
                "--name '/antidote/ptr/images/utility/configPassword'",
                "bash \"$STATE/lesson-host.sh\" up\n");
        assertThat(t.at("/output/" + StackOutputs.ENDPOINT_ADDRESSES + "/value").size()).isEqualTo(4);
        for (String name : StackOutputs.NAMES) {
            assertThat(t.at("/output").has(name)).as(name).isTrue();
        }
        JsonNode simple = tree(closed.synth(StackFixtures.request(CLOSED, StackFixtures.simpleLesson(), 0, "y1")));
        assertThat(simple.at("/resource/aws_instance/host/instance_type").asText()).isEqualTo("m5.xlarge");
        assertThat(simple.at("/resource").has("aws_lb_listener_rule")).isFalse();
        assertThat(simple.at("/output/http_routes/value").size()).isZero();
    }

    private static String userData(JsonNode tree) {
        return tree.at("/locals/" + LessonStack.USER_DATA).asText();
    }

    @Test
    void aLessonWithAnUnknownImageFailsNamingTheStack() {
        StackRequest good = StackFixtures.request(CLOSED, StackFixtures.simpleLesson(), 0, "z1");
        StackRequest bad = new StackRequest(good.liveLesson(), good.lesson(), Map.of());
        assertThatThrownBy(() -> closed.synth(bad)).isInstanceOf(StackException.class)
                .hasMessageContaining("ptr-z1").hasMessageContaining("utility");
    }

    @Test
    void anIncompleteConfigurationNamesTheMissingKeys() {
        AntidoteConfig empty = StackFixtures.config(false, io.antidote.tf.config.AwsConfig.defaults());
        assertThatThrownBy(() -> new AwsStackSynthesizer(empty, StackFixtures.buildInfo()))
                .hasMessageContaining("backendConfigs.terraform.aws.vpcId")
                .hasMessageContaining("backendConfigs.terraform.aws.listeners");
    }
}
