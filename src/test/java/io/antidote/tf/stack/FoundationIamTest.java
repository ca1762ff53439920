package io.antidote.tf.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A lesson host's role reads only its own instance's image passwords (modules/foundation/iam.tf). */
class FoundationIamTest {
    private static final Path IAM = Path.of("modules/foundation/iam.tf");

    @Test
    void noManagedPolicyGrantsEveryParameterOfTheAccount() throws Exception {
        String iam = Files.readString(IAM);
        assertThat(iam).doesNotContain("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore")
                .doesNotContain("arn:aws:iam::aws:policy/AmazonEC2RoleforSSM");
        Matcher attachments = Pattern.compile("policy_arn\\s*=\\s*\"([^\"]+)\"").matcher(iam);
        while (attachments.find()) {
            assertThat(attachments.group(1)).isEqualTo("arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly");
        }
    }

    @Test
    void parametersAreReadOnlyBelowTheInstancesImageSecretsPath() throws Exception {
        String iam = Files.readString(IAM);
        Matcher reads = Pattern.compile("\"ssm:GetParameters?\"[^\\n]*").matcher(iam);
        int found = 0;
        while (reads.find()) {
            found++;
            assertThat(reads.group()).contains("Resource = \"arn:aws:ssm:${var.region}:*:parameter${local.image_secrets_path}/*/configPassword\"");
        }
        assertThat(found).isEqualTo(1);
        assertThat(iam).contains("image_secrets_path = \"/antidote/${var.instance_id}/images\"");
    }
}
