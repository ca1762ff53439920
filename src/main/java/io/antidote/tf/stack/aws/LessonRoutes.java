package io.antidote.tf.stack.aws;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRule;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleAction;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleCondition;
import com.hashicorp.cdktf.providers.aws.lb_listener_rule.LbListenerRuleConditionHostHeader;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroup;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroupHealthCheck;
import com.hashicorp.cdktf.providers.aws.lb_target_group_attachment.LbTargetGroupAttachment;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53Record;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53RecordAlias;
import io.antidote.tf.config.AwsConfig;
import io.antidote.tf.config.AwsListener;
import io.antidote.tf.lesson.PresentationType;
import io.antidote.tf.stack.Refs;
import io.antidote.tf.stack.StackException;
import io.antidote.tf.stack.host.EndpointSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HTTP presentations and the jupyter guide: an {@code ip} target group on the endpoint's address, a host-header rule
 * for exactly its HepDomain on the livelesson's shard, and with several shards an alias record to that shard's ALB.
 */
final class LessonRoutes {
    private static final int HOST_HEADER_MAX = 128;

    private LessonRoutes() {
    }

    static List<HttpRoute> create(TerraformStack stack, LessonInput in, List<String> addresses) {
        AwsConfig aws = in.aws();
        List<HttpRouting.Wanted> wanted = new ArrayList<>();
        for (EndpointSpec ep : in.plan().endpoints()) {
            ep.presentations().stream().filter(p -> p.type() == PresentationType.HTTP)
                    .forEach(p -> wanted.add(new HttpRouting.Wanted(ep.name(), p.name(), p.hepDomain(), p.port())));
        }
        Map<String, String> tags = AwsTags.of(in);
        List<HttpRoute> routes = HttpRouting.assign(in.uullid(), wanted, aws.listeners().size(), in.claims());
        for (HttpRoute r : routes) {
            if (r.hostname().isEmpty() || r.hostname().length() > HOST_HEADER_MAX) {
                throw new StackException(in.uullid(), "presentation " + r.key() + ": host name '" + r.hostname()
                        + "' must be 1.." + HOST_HEADER_MAX + " characters");
            }
            String id = AwsNaming.resourceName("http", r.endpoint() + "_" + r.presentation());
            EndpointSpec ep = in.plan().endpoints().stream().filter(e -> e.name().equals(r.endpoint())).findFirst().orElseThrow();
            AwsListener listener = aws.listeners().get(r.listener());
            LbTargetGroup.Builder.create(stack, id)
                    .name(AwsNaming.targetGroupName(in.config().instanceId(), in.liveLessonId(), r.endpoint(), r.presentation()))
                    .port(r.port()).protocol("HTTP").targetType("ip").vpcId(aws.vpcId()).deregistrationDelay("0")
                    .healthCheck(LbTargetGroupHealthCheck.builder().path("/").matcher("200-499").build()).tags(tags).build();
            String arn = Refs.attr(LbTargetGroup.TF_RESOURCE_TYPE, id, "arn");
            LbTargetGroupAttachment.Builder.create(stack, id + "_target").targetGroupArn(arn)
                    .targetId(addresses.get(ep.index())).port(r.port()).build();
            LbListenerRule.Builder.create(stack, id + "_rule").listenerArn(listener.listenerArn()).priority(r.priority())
                    .condition(List.of(LbListenerRuleCondition.builder().hostHeader(
                            LbListenerRuleConditionHostHeader.builder().values(List.of(r.hostname())).build()).build()))
                    .action(List.of(LbListenerRuleAction.builder().type("forward").targetGroupArn(arn).build()))
                    .tags(tags).build();
            if (aws.listeners().size() > 1) {
                Route53Record.Builder.create(stack, id + "_dns").zoneId(aws.publicZoneId()).name(r.hostname()).type("A")
                        .alias(Route53RecordAlias.builder().name(listener.albDnsName()).zoneId(listener.albZoneId())
                                .evaluateTargetHealth(false).build()).build();
            }
        }
        return routes;
    }
}
