package io.antidote.tf.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    /** One case per pattern and form: (what, text, as redacted). */
    static Stream<Arguments> maskedByPattern() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\nabc+/=\n-----END RSA PRIVATE KEY-----";
        return Stream.of(
                arguments("user and password of a URL", "fetch https://deploy:gh-Tok3n@git.example.com/repo.git failed",
                        "fetch https://****@git.example.com/repo.git failed"),
                arguments("a token as a URL's user", "requests from nats://s3cr3tT0ken@nats.internal:4222",
                        "requests from nats://****@nats.internal:4222"),
                arguments("a URL's user, in JSON", "{\"url\":\"https://user@host.example/x?a=b@c\"}",
                        "{\"url\":\"https://****@host.example/x?a=b@c\"}"),
                arguments("an @ after the host is no user-info", "see https://host.example/a@b and mail me@example.org",
                        "see https://host.example/a@b and mail me@example.org"),
                arguments("an Authorization header with a bearer token",
                        "GET /api Authorization: Bearer eyJhbGciOi.J9.sig-_x= done", "GET /api Authorization: Bearer **** done"),
                arguments("basic credentials", "curl -H 'authorization: Basic dXNlcjpwYXNz' x",
                        "curl -H 'authorization: Basic ****' x"),
                arguments("an Authorization value in JSON", "{\"Authorization\":\"token ghp_abcdef123\"}",
                        "{\"Authorization\":\"token ****\"}"),
                arguments("a bearer token anywhere", "sent with bearer abc.def.ghi", "sent with bearer ****"),
                arguments("a PEM private key", "key:\n" + pem + "\nnext line",
                        "key:\n-----BEGIN RSA PRIVATE KEY-----****-----END RSA PRIVATE KEY-----\nnext line"),
                arguments("a JSON-escaped PEM private key",
                        "{\"k\":\"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg\\n-----END PRIVATE KEY-----\\n\"}",
                        "{\"k\":\"-----BEGIN PRIVATE KEY-----****-----END PRIVATE KEY-----\\n\"}"),
                arguments("a PEM private key cut off", "head -----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk",
                        "head -----BEGIN OPENSSH PRIVATE KEY-----****-----END OPENSSH PRIVATE KEY-----"),
                arguments("a certificate is public", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
                        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maskedByPattern")
    void masksByPattern(String what, String text, String redacted) {
        assertThat(Redactor.DEFAULT.redact(text)).isEqualTo(redacted);
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
