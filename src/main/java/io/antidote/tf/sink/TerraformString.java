package io.antidote.tf.sink;

/**
 * Literal text inside a Terraform string. Terraform reads every string of a configuration, in HCL and in JSON, as a
 * template: {@code ${expr}} interpolates and {@code %{directive}} is a directive, so a curriculum string such as
 * {@code ${file("/etc/passwd")}} would run. Terraform's own escapes for them are {@code $${} and {@code %%{}, which
 * yield {@code ${} and {@code %{} literally. Nothing else is special (the JSON encoder escapes quotes and
 * backslashes).
 */
public final class TerraformString {
    private TerraformString() {
    }

    /** {@code text} such that Terraform evaluates it to exactly {@code text}. */
    public static String literal(String text) {
        if (text.indexOf('{') < 0) {
            return text;
        }
        return text.replace("${", "$${").replace("%{", "%%{");
    }

    /** Whether {@code text} holds a template sequence Terraform would evaluate (an unescaped ${ or %{). */
    public static boolean hasTemplateSequence(String text) {
        for (int i = 0; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '$' || c == '%') && text.charAt(i + 1) == '{') {
                return true;
            }
            if ((c == '$' || c == '%') && i + 2 < text.length() && text.charAt(i + 1) == c && text.charAt(i + 2) == '{') {
                i += 2; // an escape: $${ or %%{
            }
        }
        return false;
    }
}
