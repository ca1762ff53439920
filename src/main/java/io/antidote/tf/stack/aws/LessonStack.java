package io.antidote.tf.stack.aws;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.instance.Instance;
import com.hashicorp.cdktf.providers.aws.instance.InstanceMetadataOptions;
import com.hashicorp.cdktf.providers.aws.instance.InstanceNetworkInterface;
import com.hashicorp.cdktf.providers.aws.instance.InstanceRootBlockDevice;
import com.hashicorp.cdktf.providers.aws.network_interface.NetworkInterface;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53Record;
import com.hashicorp.cdktf.providers.aws.route53_zone.Route53Zone;
import com.hashicorp.cdktf.providers.aws.route53_zone.Route53ZoneVpc;
import com.hashicorp.cdktf.providers.aws.ssm_association.SsmAssociation;
import com.hashicorp.cdktf.providers.aws.ssm_association.SsmAssociationTargets;
import io.antidote.tf.config.AwsConfig;
import io.antidote.tf.stack.Refs;
import io.antidote.tf.stack.StackException;
import io.antidote.tf.sink.ShellWord;
import io.antidote.tf.sink.TerraformTemplate;
import io.antidote.tf.stack.StackOutputs;
import io.antidote.tf.stack.host.EndpointSpec;
import io.antidote.tf.stack.host.HostAddress;
import io.antidote.tf.stack.host.HostPlan;
import io.antidote.tf.stack.host.HostSettings;
import io.antidote.tf.stack.host.PlanFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The constructs of one livelesson (CDKTF; call on the synthesizer's thread only): its host on an ENI with one
 * secondary address per endpoint, the private zone and records, the per-stage configuration association, the
 * outputs of the contract. Security and HTTP routing are in {@link LessonNetwork} and {@link LessonRoutes}. The
 * outputs and the stage trigger are stack overrides (one jsii call each instead of a construct apiece) and
 * references are plain strings ({@link Refs}): docs/performance.md, "Synthesis".
 */
final class LessonStack extends TerraformStack {
    static final String STAGE_TRIGGER = "stage_trigger";
    private static final String ENI = "host_eni";
    private static final String HOST = "host";
    private static final String ZONE = "zone";
    /** The local holding the user data's text (readable in the stack; the instance gets it gzipped). */
    static final String USER_DATA = "user_data";

    LessonStack(Construct scope, LessonInput in) {
        super(scope, in.uullid());
        AwsConfig aws = in.aws();
        LessonProvider.configure(this, in);
        HostPlan plan = in.plan();
        String sg = LessonNetwork.securityGroup(this, in);
        NetworkInterface.Builder.create(this, ENI)
                .subnetId(aws.subnetIds().get(AwsNaming.pick(in.uullid(), aws.subnetIds().size())))
                .securityGroups(List.of(sg)).privateIpsCount(plan.endpoints().size())
                .description("antidote livelesson " + in.uullid()).tags(AwsTags.of(in)).build();
        List<String> addresses = new ArrayList<>();
        for (EndpointSpec ep : plan.endpoints()) {
            addresses.add(Refs.element(NetworkInterface.TF_RESOURCE_TYPE, ENI, "private_ip_list", ep.index() + 1));
        }
        String zoneName = AwsNaming.zoneName(in.uullid(), aws.privateZoneDomain());
        HostSettings settings = in.hostSettings(zoneName);
        TerraformTemplate planText = PlanFile.render(plan, settings, i -> new HostAddress.Reference(
                Refs.unwrap(addresses.get(i))));
        String userData = AwsPrologue.render(plan, settings, aws, in.ecrRegistry(), planText).toString();
        int compressed = Gzip.size(userData);
        if (compressed > AwsPrologue.MAX_COMPRESSED) {
            throw new StackException(in.uullid(), "user data of " + compressed + " bytes gzipped exceeds "
                    + AwsPrologue.MAX_COMPRESSED + " (EC2 user data is limited to 16 KB)");
        }
        addOverride("locals." + USER_DATA, userData);
        Instance.Builder.create(this, HOST)
                .ami(aws.amiId()).instanceType(plan.trusted() ? aws.trustedInstanceType() : aws.instanceType())
                .iamInstanceProfile(aws.instanceProfileName()).userDataBase64("${base64gzip(local." + USER_DATA + ")}")
                .networkInterface(List.of(InstanceNetworkInterface.builder().deviceIndex(0).networkInterfaceId(Refs.attr(NetworkInterface.TF_RESOURCE_TYPE, ENI, "id")).build()))
                .rootBlockDevice(InstanceRootBlockDevice.builder().volumeSize(aws.rootVolumeGb()).volumeType("gp3").encrypted(true).build())
                .metadataOptions(InstanceMetadataOptions.builder().httpEndpoint("enabled").httpTokens("required")
                        .httpPutResponseHopLimit(1).build())
                .tags(AwsTags.with(in, "Name", "antidote-" + in.uullid())).build();
        Route53Zone.Builder.create(this, ZONE).name(zoneName).forceDestroy(true)
                .comment("antidote livelesson " + in.uullid())
                .vpc(List.of(Route53ZoneVpc.builder().vpcId(aws.vpcId()).build())).tags(AwsTags.of(in)).build();
        String zoneId = Refs.attr(Route53Zone.TF_RESOURCE_TYPE, ZONE, "zone_id");
        String hostId = Refs.attr(Instance.TF_RESOURCE_TYPE, HOST, "id");
        Map<String, String> endpointAddresses = new LinkedHashMap<>();
        for (EndpointSpec ep : plan.endpoints()) {
            String ip = addresses.get(ep.index());
            endpointAddresses.put(ep.name(), ip);
            Route53Record.Builder.create(this, AwsNaming.resourceName("record", ep.name())).zoneId(zoneId)
                    .name(ep.name() + "." + zoneName).type("A").ttl(60).records(List.of(ip)).build();
        }
        List<HttpRoute> routes = LessonRoutes.create(this, in, addresses);
        if (in.configure()) {
            configuration(in, hostId);
        }
        Map<String, String> httpRoutes = new LinkedHashMap<>();
        routes.forEach(r -> httpRoutes.put(r.key(), r.listener() + ":" + r.priority()));
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put(StackOutputs.ENDPOINT_ADDRESSES, Map.of("value", endpointAddresses));
        outputs.put(StackOutputs.STAGE, Map.of("value", String.valueOf(in.stage())));
        outputs.put(StackOutputs.HTTP_ROUTES, Map.of("value", httpRoutes));
        outputs.put(StackOutputs.HOST_ID, Map.of("value", hostId));
        outputs.put(StackOutputs.ZONE_ID, Map.of("value", zoneId));
        addOverride("output", outputs);
    }

    /** A {@code terraform_data} holding the stage; the association is replaced whenever it changes. */
    private void configuration(LessonInput in, String hostId) {
        addOverride("resource.terraform_data." + STAGE_TRIGGER, Map.of("input", String.valueOf(in.stage())));
        SsmAssociation.Builder.create(this, "configure")
                .name("AWS-RunShellScript").associationName(AwsNaming.associationName(in.uullid(), in.stage()))
                .targets(List.of(SsmAssociationTargets.builder().key("InstanceIds").values(List.of(hostId)).build()))
                .parameters(Map.of("commands", "cloud-init status --wait >/dev/null; bash "
                                + ShellWord.quote(in.stateDir() + "/lesson-host.sh") + " configure " + in.stage(),
                        "executionTimeout", String.valueOf(in.aws().configurationTimeoutSeconds())))
                .waitForSuccessTimeoutSeconds(in.aws().configurationTimeoutSeconds())
                .lifecycle(TerraformResourceLifecycle.builder()
                        .replaceTriggeredBy(List.of("terraform_data." + STAGE_TRIGGER)).build())
                .build();
    }
}
