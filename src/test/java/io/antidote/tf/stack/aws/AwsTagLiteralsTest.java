package io.antidote.tf.stack.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.hostile.TemplateSequences;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.stack.StackFixtures;
import io.antidote.tf.stack.StackRequest;
import org.junit.jupiter.api.Test;

/**
 * A livesession ID (it comes from the API) reaches the AWS stack's tags as a Terraform literal, never a template.
 * CDKTF escaped such a value by itself when this test ran alone and did not in the whole suite; the target escapes it.
 */
class AwsTagLiteralsTest {

    @Test
    void aTemplateInTheLiveSessionIdIsWrittenEscaped() {
        AntidoteConfig config = StackFixtures.config(false, StackFixtures.aws(1));
        String session = "s1${file(\"/etc/hostname\")}%{ if true }";
        LiveLesson live = StackFixtures.factory(config).create(StackFixtures.simpleLesson(), 0, session, "abcde12345");
        try (AwsStackSynthesizer synth = new AwsStackSynthesizer(config, StackFixtures.buildInfo())) {
            String json = synth.synth(new StackRequest(live, StackFixtures.simpleLesson(), StackFixtures.IMAGES)).json();
            assertThat(TemplateSequences.foreign(json)).isEmpty();
            assertThat(json).contains("s1$${file(\\\"/etc/hostname\\\")}%%{ if true }");
        }
    }
}
