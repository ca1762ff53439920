package io.antidote.tf.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void masksGivenSecretsWhereverTheyOccur() {
        Redactor r = Redactor.DEFAULT.withSecrets(List.of("hunter2", "", "Tr0ub4dor&3"));
        assertThat(r.redact("login antidote/hunter2 failed, retried with Tr0ub4dor&3"))
                .isEqualTo("login antidote/**** failed, retried with ****");
    }

    @Test
    void masksTheLongerOfOverlappingSecretsWhole() {
        Redactor r = Redactor.DEFAULT.withSecrets(List.of("pass", "passphrase-123"));
        assertThat(r.redact("x passphrase-123 y")).isEqualTo("x **** y");
    }

    @Test
    void masksAwsAccessKeyIds() {
        assertThat(Redactor.DEFAULT.redact("key AKIAIOSFODNN7EXAMPLE rejected, and ASIAXXXXXXXXXXXXXXXX too"))
                .isEqualTo("key **** rejected, and **** too");
    }

    @Test
    void masksValuesOfSecretLookingKeys() {
        assertThat(Redactor.DEFAULT.redact("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY next"))
                .isEqualTo("aws_secret_access_key = **** next");
        assertThat(Redactor.DEFAULT.redact("ssh -o password=hunter2 -p 22")).isEqualTo("ssh -o password=**** -p 22");
        assertThat(Redactor.DEFAULT.redact("{\"SSHPassword\": \"antidotepassword\", \"SSHUser\": \"antidote\"}"))
                .isEqualTo("{\"SSHPassword\": ****, \"SSHUser\": \"antidote\"}");
        assertThat(Redactor.DEFAULT.redact("TF_VAR_db_token: abc123;")).isEqualTo("TF_VAR_db_token: ****;");
    }

    @Test
    void masksTheUserInfoOfUrlsUserAndPasswordAlike() {
        assertThat(Redactor.DEFAULT.redact("fetch https://deploy:gh-Tok3n@git.example.com/repo.git failed"))
                .isEqualTo("fetch https://****@git.example.com/repo.git failed");
        assertThat(Redactor.DEFAULT.redact("requests from nats://s3cr3tT0ken@nats.internal:4222"))
                .isEqualTo("requests from nats://****@nats.internal:4222");
        assertThat(Redactor.DEFAULT.redact("{\"url\":\"https://user@host.example/x?a=b@c\"}"))
                .isEqualTo("{\"url\":\"https://****@host.example/x?a=b@c\"}");
        assertThat(Redactor.DEFAULT.redact("see https://host.example/a@b and mail me@example.org"))
                .as("an @ after the host is no user-info").isEqualTo("see https://host.example/a@b and mail me@example.org");
    }

    @Test
    void theCredentialsOfAUrlCanBeLearnedToBeMaskedEverywhere() {
        assertThat(Redactor.urlCredentials("nats://s3cr3tT0ken@nats.internal:4222")).containsExactly("s3cr3tT0ken");
        assertThat(Redactor.urlCredentials("https://deploy:gh-Tok3n@git.example.com/r")).containsExactly(
                "deploy:gh-Tok3n", "gh-Tok3n");
        assertThat(Redactor.urlCredentials("nats://127.0.0.1:4222")).isEmpty();
        Redactor r = Redactor.DEFAULT.withSecrets(Redactor.urlCredentials("nats://s3cr3tT0ken@nats.internal:4222"));
        assertThat(r.redact("Authorization Violation for s3cr3tT0ken")).isEqualTo("Authorization Violation for ****");
    }

    @Test
    void masksBearerTokensAndAuthorizationHeaders() {
        assertThat(Redactor.DEFAULT.redact("GET /api Authorization: Bearer eyJhbGciOi.J9.sig-_x= done"))
                .isEqualTo("GET /api Authorization: Bearer **** done");
        assertThat(Redactor.DEFAULT.redact("curl -H 'authorization: Basic dXNlcjpwYXNz' x"))
                .isEqualTo("curl -H 'authorization: Basic ****' x");
        assertThat(Redactor.DEFAULT.redact("{\"Authorization\":\"token ghp_abcdef123\"}"))
                .isEqualTo("{\"Authorization\":\"token ****\"}");
        assertThat(Redactor.DEFAULT.redact("sent with bearer abc.def.ghi")).isEqualTo("sent with bearer ****");
    }

    @Test
    void masksPemPrivateKeyBlocksWholeEvenWhenEscapedOrCutOff() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\nabc+/=\n-----END RSA PRIVATE KEY-----";
        assertThat(Redactor.DEFAULT.redact("key:\n" + pem + "\nnext line"))
                .isEqualTo("key:\n-----BEGIN RSA PRIVATE KEY-----****-----END RSA PRIVATE KEY-----\nnext line");
        String escaped = "{\"k\":\"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg\\n-----END PRIVATE KEY-----\\n\"}";
        assertThat(Redactor.DEFAULT.redact(escaped))
                .isEqualTo("{\"k\":\"-----BEGIN PRIVATE KEY-----****-----END PRIVATE KEY-----\\n\"}");
        assertThat(Redactor.DEFAULT.redact("head -----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk"))
                .isEqualTo("head -----BEGIN OPENSSH PRIVATE KEY-----****-----END OPENSSH PRIVATE KEY-----");
        assertThat(Redactor.DEFAULT.redact("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"))
                .as("a certificate is public").contains("MIIB");
    }

    @Test
    void masksTheJsonEscapedFormsOfAKnownSecret() {
        String secret = "pa\"ss\\w<o>&rd";
        Redactor r = Redactor.DEFAULT.withSecrets(List.of(secret));
        assertThat(r.redact("jackson {\"p\":\"pa\\\"ss\\\\w<o>&rd\"}")).isEqualTo("jackson {\"p\":\"****\"}");
        assertThat(r.redact("go {\"p\":\"pa\\\"ss\\\\w\\u003co\\u003e\\u0026rd\"}")).isEqualTo("go {\"p\":\"****\"}");
        assertThat(r.redact("twice \"pa\\\\\\\"ss\\\\\\\\w<o>&rd\"")).isEqualTo("twice \"****\"");
    }

    @Test
    void theSharedRedactorLearnsAndEveryInstanceMadeFromDefaultStaysFixed() {
        String secret = "learned-" + System.nanoTime();
        Redactor before = Redactor.shared().withSecrets(List.of());
        assertThat(Redactor.learn(List.of(secret, "ab"))).isSameAs(Redactor.shared());
        assertThat(Redactor.shared().redact("x " + secret)).isEqualTo("x ****");
        assertThat(before.redact("x " + secret)).as("a copy made before").isEqualTo("x " + secret);
        assertThat(Redactor.DEFAULT.redact("x " + secret)).as("DEFAULT never learns").isEqualTo("x " + secret);
        assertThat(Redactor.shared().redact("x ab y")).isEqualTo("x ab y");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "Permission denied (publickey,password). Connection to http://10.0.0.5:22/x refused";
        assertThat(Redactor.DEFAULT.redact(text)).isEqualTo(text);
        assertThat(Redactor.DEFAULT.redact(null)).isNull();
        assertThat(Redactor.DEFAULT.withSecrets(List.of("s3cret")).toString()).doesNotContain("s3cret");
    }

    @Test
    void theKeywordTestIsCaseInsensitiveLikeTheRegex() {
        assertThat(Redactor.DEFAULT.redact("DB_PASSWORD=abc123 and Api-ToKeN: xyz789"))
                .isEqualTo("DB_PASSWORD=**** and Api-ToKeN: ****");
        assertThat(Redactor.DEFAULT.redact("{\"@level\":\"info\",\"@message\":\"Plan: 6 to add\"}"))
                .isEqualTo("{\"@level\":\"info\",\"@message\":\"Plan: 6 to add\"}");
    }

    /** Whatever the text, a secret-looking key's value next to it is masked: the cheap pre-tests never skip one. */
    @Property(tries = 300)
    void aSecretValueIsMaskedWhateverSurroundsIt(@ForAll("keys") String key, @ForAll @AlphaChars String before,
            @ForAll @AlphaChars @StringLength(min = 1, max = 20) String value) {
        String text = before + " " + key + "=" + value + "Z9 tail";
        assertThat(Redactor.DEFAULT.redact(text)).doesNotContain(value + "Z9").endsWith(" tail");
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.of("password", "PassWd", "x_pwd", "client_SECRET", "sessionToken", "AWS_CREDENTIALS");
    }
}
