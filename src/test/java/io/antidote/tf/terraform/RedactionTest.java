package io.antidote.tf.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.tracing.Redactor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void masksAwsKeysNamedSecretsAndConfiguredValues() {
        Redactor r = Redactor.DEFAULT.withSecrets(List.of("hunter2-configured", "ab"));
        String text = "key AKIAIOSFODNN7EXAMPLE and aws_secret_access_key = wJalrXUtnFEMI/K7MDENG "
                + "\"password\":\"p4ss\" and hunter2-configured but ab stays";
        String out = r.redact(text);
        assertThat(out).doesNotContain("IOSFODNN7EXAMPLE", "wJalrXUtnFEMI", "p4ss", "hunter2-configured")
                .contains("key ****", "aws_secret_access_key = ****", "ab stays");
    }

    @Test
    void exceptionsCarryCommandDirectoryExitDiagnosticsAndRedactedOutput() {
        Redactor r = Redactor.DEFAULT.withSecrets(List.of("s3cr3t-token-value"));
        OutputBuffer buffer = new OutputBuffer(2);
        for (String line : List.of("one", "two AKIAABCDEFGHIJKLMNOP", "three", "four", "five s3cr3t-token-value")) {
            buffer.add(r.redact(line));
        }
        RunReport report = new RunReport(List.of("terraform", "apply", "tfplan-1"), Path.of("/w/inst/ll"), 1,
                List.of(new Diagnostic("error", "local-exec provisioner error", "exit status 1", "terraform_data.b"),
                        new Diagnostic("warning", "deprecated", "", "")), buffer.head(), buffer.tail());
        TerraformCommandException e = new TerraformCommandException("terraform apply failed", report);
        assertThat(e).isInstanceOf(io.antidote.tf.AntidoteException.class);
        assertThat(e.getMessage()).contains("terraform apply tfplan-1", "/w/inst/ll", "exited 1",
                "error: local-exec provisioner error [terraform_data.b]: exit status 1", "one", "five ****",
                "(1 lines omitted)").doesNotContain("deprecated", "s3cr3t", "ABCDEFGHIJKLMNOP", "three");
        assertThat(report.errors()).hasSize(1);
    }

    @Test
    void lockInfoIsReadFromTheDiagnostic() {
        Diagnostic d = new Diagnostic("error", "Error acquiring the state lock", "Error message: resource"
                + " temporarily unavailable\nLock Info:\n  ID:        1b2c\n  Path:      terraform.tfstate\n"
                + "  Operation: OperationTypeApply\n  Who:       root@host\n  Version:   1.11.4\n", "");
        assertThat(StateLockedException.isLockError(d)).isTrue();
        StateLockedException e = new StateLockedException(new RunReport(List.of("terraform"), Path.of("/d"), 1,
                List.of(d), "", ""), d);
        assertThat(e.lockInfo()).containsEntry("ID", "1b2c").containsEntry("Who", "root@host")
                .containsEntry("Operation", "OperationTypeApply");
        assertThat(e).isInstanceOf(TerraformCommandException.class);
    }

    @Test
    void sensitiveOutputValuesAreNotInToString() {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        OutputValue secret = new OutputValue(true, json.getNodeFactory().textNode("string"),
                json.getNodeFactory().textNode("top-secret-9"));
        assertThat(secret.toString()).doesNotContain("top-secret-9").contains("sensitive");
        assertThat(secret.asText()).isEqualTo("top-secret-9");
        assertThatOutputParsing();
    }

    private static void assertThatOutputParsing() {
        RunReport report = new RunReport(List.of("terraform", "output"), Path.of("/d"), 0, List.of(), "", "");
        var outputs = OutputParser.parse("{\"a\":{\"sensitive\":true,\"type\":[\"map\",\"string\"],"
                + "\"value\":{\"k\":\"secret-v\"}}}", report);
        assertThat(outputs.get("a").type().get(0).asText()).isEqualTo("map");
        assertThat(outputs.toString()).doesNotContain("secret-v");
        assertThat(OutputParser.parse("{}", report)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OutputParser.parse("{\"a\":{\"sensitive\":\"no\","
                + "\"value\":\"secret-v\"}}", report)).isInstanceOf(TerraformOutputException.class)
                .hasMessageContaining("'a'").hasMessageNotContaining("secret-v");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OutputParser.parse("oops", report))
                .isInstanceOf(TerraformOutputException.class);
    }
}
