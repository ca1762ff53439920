package io.antidote.tf.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antidote.tf.stack.TerraformCommands;
import io.antidote.tf.testing.Requirements;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The escapes against the real interpreters: bash reads each word back as given, terraform each literal. */
class SinkIT {
    static final List<String> HOSTILE = List.of("", "plain", "eth1;touch /tmp/pwned;#", "$(id)", "`id`", "a'b\"c",
            "line\nANTIDOTE_EOF_x\nEOF", "${file(\"/etc/hostname\")}", "%{ if true }x%{ endif }", "$${x}", "$$${x}",
            "%%{", "../../etc", "\\", "\\'", "'", "\t\r\n", "héllo ☃", "x".repeat(5000), "!event", "*", "~root",
            "a b  c", "-n", "--", "}${", "$");

    @Test
    void bashReadsEveryWordBack(@TempDir Path dir) throws Exception {
        Path bash = Requirements.tool("bash");
        StringBuilder script = new StringBuilder("set -eu\n");
        for (String s : HOSTILE) {
            script.append("printf '%s\\0' ").append(ShellWord.quote(s)).append('\n');
        }
        script.append("ARR=").append(ShellWord.array(HOSTILE)).append("\nprintf '%s\\0' \"${ARR[@]}\"\n");
        String out = run(dir, bash.toString(), "-c", script.toString());
        List<String> expected = new ArrayList<>(HOSTILE);
        expected.addAll(HOSTILE);
        assertThat(out.split("\0", -1)).containsExactlyElementsOf(withTrailingEmpty(expected));
    }

    @Test
    void aHereDocumentArrivesAsWritten(@TempDir Path dir) throws Exception {
        Path bash = Requirements.tool("bash");
        String doc = String.join("\n", HOSTILE) + "\nEOF\n'EOF'\n" + Heredoc.terminator("something else") + "\n";
        Path target = dir.resolve("doc");
        run(dir, bash.toString(), "-c", "set -eu\n" + Heredoc.feed("cat >" + ShellWord.quote(target.toString()), doc)
                + "echo done >" + ShellWord.quote(dir.resolve("after").toString()) + "\n");
        assertThat(Files.readString(target)).isEqualTo(doc);
        assertThat(dir.resolve("after")).hasContent("done");
    }

    @Test
    void terraformEvaluatesEveryLiteralToItself(@TempDir Path dir) throws Exception {
        TerraformCommands tf = TerraformCommands.require();
        ObjectMapper json = new ObjectMapper();
        ObjectNode outputs = json.createObjectNode();
        for (int i = 0; i < HOSTILE.size(); i++) {
            outputs.putObject("o" + i).put("value", TerraformString.literal(HOSTILE.get(i)));
        }
        ObjectNode root = json.createObjectNode();
        root.set("output", outputs);
        Files.writeString(dir.resolve("main.tf.json"), root.toString());
        tf.ok(dir, "init", "-input=false");
        tf.ok(dir, "apply", "-auto-approve", "-input=false");
        JsonNode values = json.readTree(tf.ok(dir, "output", "-json").stdout());
        for (int i = 0; i < HOSTILE.size(); i++) {
            assertThat(values.path("o" + i).path("value").asText()).as("literal %d", i).isEqualTo(HOSTILE.get(i));
        }
    }

    private static List<String> withTrailingEmpty(List<String> words) {
        List<String> all = new ArrayList<>(words);
        all.add("");
        return all;
    }

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return text;
    }
}
