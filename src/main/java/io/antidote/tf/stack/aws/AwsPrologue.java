package io.antidote.tf.stack.aws;

import io.antidote.tf.config.AwsConfig;
import io.antidote.tf.lesson.ConfigurationType;
import io.antidote.tf.sink.Heredoc;
import io.antidote.tf.sink.ShellWord;
import io.antidote.tf.sink.TerraformTemplate;
import io.antidote.tf.stack.host.EndpointSpec;
import io.antidote.tf.stack.host.HostPlan;
import io.antidote.tf.stack.host.HostSettings;
import io.antidote.tf.stack.host.LessonHostScript;
import java.util.Set;
import java.util.TreeSet;

/**
 * The EC2 user data of a lesson host: a short AWS prologue, then the lesson host script, byte for byte. The prologue
 * writes the livelesson's plan and the script into the state directory, puts the endpoints' addresses (secondary
 * private IPs of the host's interface) on the device, mounts the curriculum's EFS file system read-only for the
 * script's {@code /antidote} copy, logs in to private registries, fetches the configured images' passwords from SSM
 * into root-only files, and runs {@code lesson-host.sh up}. Every value is a quoted shell word; the whole text is a
 * Terraform string whose only references are the addresses.
 */
final class AwsPrologue {
    /** EC2 accepts 16 KB of user data (after decompression by cloud-init, before base64); see docs/aws.md. */
    static final int MAX_COMPRESSED = 15_000;

    private AwsPrologue() {
    }

    /**
     * The user data; {@code plan} is the plan text (addresses as references), {@code ecrRegistry} the ECR registry of
     * the image org (empty when it is none).
     */
    static TerraformTemplate render(HostPlan hostPlan, HostSettings s, AwsConfig aws, String ecrRegistry,
            TerraformTemplate plan) {
        TerraformTemplate t = new TerraformTemplate();
        t.literal("#!/bin/bash\n# antidote livelesson " + s.uullid() + ": the AWS prologue, then the lesson host script\n"
                + "set -euo pipefail\nexec >>/var/log/antidote-boot.log 2>&1\numask 077\n"
                + "STATE=" + ShellWord.quote(s.stateDir()) + "\nmkdir -p \"$STATE\"\n");
        t.heredoc("cat >\"$STATE/plan.sh\"", plan);
        t.literal(Heredoc.feed("cat >\"$STATE/lesson-host.sh\"", LessonHostScript.text()));
        t.literal("source \"$STATE/plan.sh\"\n"
                + "DEV=$(ip route show default | awk '{print $5; exit}')\n"
                + "for a in \"${EP_ADDR[@]}\"; do ip addr replace \"$a/32\" dev \"$DEV\"; done\n"
                + "mkdir -p /mnt/curriculum\n"
                + "mount -t efs -o ro,tls " + ShellWord.quote(aws.efsFileSystemId() + ":" + aws.efsCurriculumPath())
                + " /mnt/curriculum\n");
        if (!ecrRegistry.isEmpty()) {
            t.literal("aws ecr get-login-password --region " + ShellWord.quote(aws.region())
                    + " | docker login --username AWS --password-stdin " + ShellWord.quote(ecrRegistry) + "\n");
        }
        if (!aws.registryCredentialsSecretArn().isEmpty()) {
            t.literal("SECRET=$(aws secretsmanager get-secret-value --region " + ShellWord.quote(aws.region())
                    + " --secret-id " + ShellWord.quote(aws.registryCredentialsSecretArn())
                    + " --query SecretString --output text)\n"
                    + "jq -r .password <<<\"$SECRET\" | docker login --username \"$(jq -r .username <<<\"$SECRET\")\""
                    + " --password-stdin \"$(jq -r .registry <<<\"$SECRET\")\"\nunset SECRET\n");
        }
        Set<String> configured = new TreeSet<>();
        for (EndpointSpec ep : hostPlan.endpoints()) {
            if (ep.configurationType() != ConfigurationType.NONE) {
                configured.add(ep.imageSlug());
            }
        }
        for (String image : configured) {
            String dir = s.secretsDir() + "/" + image;
            t.literal("mkdir -p " + ShellWord.quote(dir) + "\naws ssm get-parameter --region " + ShellWord.quote(aws.region())
                    + " --with-decryption --name " + ShellWord.quote(aws.imageSecretsPath() + "/" + image + "/configPassword")
                    + " --query Parameter.Value --output text >" + ShellWord.quote(dir + "/configPassword") + "\n");
        }
        t.literal("bash \"$STATE/lesson-host.sh\" up\numount /mnt/curriculum\n");
        return t;
    }
}
