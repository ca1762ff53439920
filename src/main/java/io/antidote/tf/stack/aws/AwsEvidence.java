package io.antidote.tf.stack.aws;

import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.stack.EvidenceSection;
import io.antidote.tf.stack.FailureEvidence;
import io.antidote.tf.stack.StackTags;
import java.nio.file.Path;
import java.util.List;

/**
 * The AWS target's evidence. The host's logs live on the host (and its console), which this process does not reach
 * without credentials and calls it does not make; so the section tells an operator where to look: the instance by
 * its tags, its console output (the boot script's log goes there too), and the lesson host's log and configuration
 * logs through SSM. Terraform's own diagnostics (what the AWS API refused) are recorded by the backend for every
 * target. Unless {@code keepFailedFor} keeps it, the instance is destroyed right after the failure, so the console
 * output is only there while it is kept.
 */
final class AwsEvidence implements FailureEvidence {
    @Override
    public List<EvidenceSection> collect(LiveLesson live, Path workspace) {
        String dir = LessonInput.HOST_DIR + "/" + live.uullid();
        return List.of(new EvidenceSection("where the lesson host's logs are", String.join("\n",
                "instance: aws ec2 describe-instances --filters Name=tag:" + StackTags.LIVE_LESSON + ",Values="
                        + live.id() + " Name=tag:" + StackTags.ANTIDOTE_ID + ",Values=" + live.antidoteId()
                        + " --query 'Reservations[].Instances[].InstanceId'",
                "boot output: aws ec2 get-console-output --latest --instance-id <id>",
                "lesson host log: aws ssm start-session --target <id>, then: sudo tail -n 100 " + dir + "/host.log",
                "configuration logs: " + dir + "/configure/stage<N>-<endpoint>.log on the host; container logs:"
                        + " sudo docker logs antidote-" + live.uullid() + "-<endpoint>",
                "(set backendConfigs.terraform.keepFailedFor to keep a failed host for inspection)")));
    }
}
