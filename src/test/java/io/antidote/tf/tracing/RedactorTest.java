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
    void masksPasswordsInUrls() {
        assertThat(Redactor.DEFAULT.redact("fetch https://deploy:gh-Tok3n@git.example.com/repo.git failed"))
                .isEqualTo("fetch https://deploy:****@git.example.com/repo.git failed");
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
