package io.antidote.tf.stack.aws;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRule;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRule;
import io.antidote.tf.config.AwsConfig;
import io.antidote.tf.lesson.PresentationType;
import io.antidote.tf.stack.Refs;
import java.util.Map;
import java.util.TreeSet;

/**
 * The livelesson's security group and its rules. Ingress: itself, the scheduler/web-SSH group, the load balancer on
 * HTTP presentation ports. Egress: itself, EFS (2049), VPC endpoints and S3 (443); everything only with
 * {@code allowEgress}. DNS to the VPC resolver is not filtered by security groups.
 */
final class LessonNetwork {
    private static final String GROUP = "lesson";

    private LessonNetwork() {
    }

    /** Creates the group and its rules; returns the group's ID reference. */
    static String securityGroup(TerraformStack stack, LessonInput in) {
        AwsConfig aws = in.aws();
        Map<String, String> tags = AwsTags.of(in);
        SecurityGroup.Builder.create(stack, GROUP).name(AwsNaming.securityGroupName(in.uullid()))
                .description("antidote livelesson " + in.uullid()).vpcId(aws.vpcId()).tags(tags).build();
        String id = Refs.attr(SecurityGroup.TF_RESOURCE_TYPE, GROUP, "id");
        VpcSecurityGroupIngressRule.Builder.create(stack, "in_self").securityGroupId(id).ipProtocol("-1")
                .referencedSecurityGroupId(id).description("inside the lesson").tags(tags).build();
        VpcSecurityGroupIngressRule.Builder.create(stack, "in_scheduler").securityGroupId(id).ipProtocol("-1")
                .referencedSecurityGroupId(aws.schedulerSecurityGroupId()).description("scheduler and web-SSH proxy")
                .tags(tags).build();
        TreeSet<Integer> httpPorts = new TreeSet<>();
        in.plan().endpoints().forEach(ep -> ep.presentations().stream()
                .filter(p -> p.type() == PresentationType.HTTP).forEach(p -> httpPorts.add(p.port())));
        for (int port : httpPorts) {
            VpcSecurityGroupIngressRule.Builder.create(stack, "in_alb_" + port).securityGroupId(id).ipProtocol("tcp")
                    .fromPort(port).toPort(port).referencedSecurityGroupId(aws.albSecurityGroupId())
                    .description("load balancer to HTTP presentations").tags(tags).build();
        }
        VpcSecurityGroupEgressRule.Builder.create(stack, "out_self").securityGroupId(id).ipProtocol("-1")
                .referencedSecurityGroupId(id).description("inside the lesson").tags(tags).build();
        VpcSecurityGroupEgressRule.Builder.create(stack, "out_efs").securityGroupId(id).ipProtocol("tcp")
                .fromPort(2049).toPort(2049).referencedSecurityGroupId(aws.efsSecurityGroupId()).description("EFS")
                .tags(tags).build();
        VpcSecurityGroupEgressRule.Builder.create(stack, "out_endpoints").securityGroupId(id).ipProtocol("tcp")
                .fromPort(443).toPort(443).referencedSecurityGroupId(aws.vpcEndpointSecurityGroupId())
                .description("VPC endpoints: SSM, Secrets Manager, ECR").tags(tags).build();
        VpcSecurityGroupEgressRule.Builder.create(stack, "out_s3").securityGroupId(id).ipProtocol("tcp")
                .fromPort(443).toPort(443).prefixListId(aws.s3PrefixListId()).description("S3 gateway: image layers")
                .tags(tags).build();
        if (in.config().allowEgress()) {
            VpcSecurityGroupEgressRule.Builder.create(stack, "out_any_ipv4").securityGroupId(id).ipProtocol("-1")
                    .cidrIpv4("0.0.0.0/0").description("allowEgress").tags(tags).build();
            VpcSecurityGroupEgressRule.Builder.create(stack, "out_any_ipv6").securityGroupId(id).ipProtocol("-1")
                    .cidrIpv6("::/0").description("allowEgress").tags(tags).build();
        }
        return id;
    }
}
