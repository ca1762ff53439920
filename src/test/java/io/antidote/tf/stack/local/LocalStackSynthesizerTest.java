package io.antidote.tf.stack.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.config.LocalTargetConfig;
import io.antidote.tf.hostile.TemplateSequences;
import io.antidote.tf.stack.StackFixtures;
import io.antidote.tf.stack.StackRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local target writes every string as a Terraform literal: a hook's text runs as written, never as a template. */
class LocalStackSynthesizerTest {

    @Test
    void aHookWithTemplateSequencesIsWrittenAsALiteralAndOnlyTheStacksOwnReferencesRemain() throws Exception {
        String hook = "echo ${file(\"/etc/hostname\")} %{ if true }x%{ endif } $HOME";
        LocalStackSynthesizer synth = new LocalStackSynthesizer(new LocalTargetConfig("127.0.0.1",
                Map.of("utility", hook)));
        StackRequest request = StackFixtures.request(StackFixtures.config(false, StackFixtures.aws(1)),
                StackFixtures.simpleLesson(), 0, "abcde12345");
        String json = synth.synth(request).json();
        assertThat(TemplateSequences.foreign(json)).isEmpty();
        assertThat(TemplateSequences.in(json)).contains("${terraform_data.host.id}",
                "${terraform_data.endpoint_linux1.output.address}");
        JsonNode command = new ObjectMapper().readTree(json).at(
                "/resource/terraform_data/endpoint_linux1/provisioner/0/local-exec/command");
        assertThat(command.asText()).isEqualTo("echo $${file(\"/etc/hostname\")} %%{ if true }x%%{ endif } $HOME");
    }
}
