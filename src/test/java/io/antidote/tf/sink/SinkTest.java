package io.antidote.tf.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SinkTest {
    @Test
    void aShellWordIsSingleQuotedWithQuotesSpelledOut() {
        assertThat(ShellWord.quote("")).isEqualTo("''");
        assertThat(ShellWord.quote("eth1;touch /root/x;#")).isEqualTo("'eth1;touch /root/x;#'");
        assertThat(ShellWord.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(ShellWord.array(List.of("a", "b c"))).isEqualTo("('a' 'b c')");
    }

    @Test
    void noShellWordHoldsANul() {
        assertThatThrownBy(() -> ShellWord.quote("a\0b")).isInstanceOf(SinkException.class).hasMessageContaining("NUL");
    }

    @Test
    void aHeredocEndsOnlyAtItsOwnTerminator() {
        String doc = "line one\nCONFIGURE\nEOF\n";
        String fed = Heredoc.feed("cat >/tmp/x", doc);
        String end = Heredoc.terminator(doc);
        assertThat(end).startsWith("ANTIDOTE_EOF_").hasSize("ANTIDOTE_EOF_".length() + 24);
        assertThat(fed).isEqualTo("cat >/tmp/x <<'" + end + "'\n" + doc + end + "\n");
        assertThat(Heredoc.feed("cat", "no newline")).endsWith("no newline\n" + Heredoc.terminator("no newline\n") + "\n");
        assertThat(Heredoc.terminator(doc)).isEqualTo(end).isNotEqualTo(Heredoc.terminator(doc + "x"));
    }

    @Test
    void terraformTemplateSequencesAreDoubled() {
        assertThat(TerraformString.literal("${file(\"/etc/hostname\")}")).isEqualTo("$${file(\"/etc/hostname\")}");
        assertThat(TerraformString.literal("%{ if true }x%{ endif }")).isEqualTo("%%{ if true }x%%{ endif }");
        assertThat(TerraformString.literal("plain $HOME and 100%")).isEqualTo("plain $HOME and 100%");
    }

    @Test
    void templateSequencesAreFoundAsTerraformScansThem() {
        assertThat(TerraformString.hasTemplateSequence("${a}")).isTrue();
        assertThat(TerraformString.hasTemplateSequence("x %{ if }")).isTrue();
        assertThat(TerraformString.hasTemplateSequence("$${a}")).isFalse();
        assertThat(TerraformString.hasTemplateSequence("$$${a}")).isFalse();
        assertThat(TerraformString.hasTemplateSequence("$$$${a}")).isFalse();
        assertThat(TerraformString.hasTemplateSequence("$ { } %")).isFalse();
        for (String s : List.of("${x}", "$${x}", "%{y}", "a$$${b}%%%{c}", "$", "%%")) {
            assertThat(TerraformString.hasTemplateSequence(TerraformString.literal(s))).as(s).isFalse();
        }
    }
}
