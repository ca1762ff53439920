package io.antidote.tf.stack.kubernetes;

import io.antidote.tf.sink.ContainerArgument;
import io.antidote.tf.sink.ShellWord;
import io.antidote.tf.sink.TerraformString;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sinks of this target's strings, composed from the inside out (see io.antidote.tf.sink): every text from the
 * curriculum or the configuration goes through {@link #lit} (any Terraform string), and container command lines and
 * environment values also through the kubelet's escape ({@link #arg}); a shell word inside a container argument
 * through {@link #shell}. Terraform references ({@code ${...}}) are built by the stack and never pass here.
 */
final class Text {
    private Text() {
    }

    /** Literal text in a Terraform string. */
    static String lit(String text) {
        return TerraformString.literal(text);
    }

    /** Every key and value literal. */
    static Map<String, String> lit(Map<String, String> map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(lit(k), lit(v)));
        return out;
    }

    /** Literal text of a container argument or environment value, in a Terraform string. */
    static String arg(String text) {
        return lit(ContainerArgument.literal(text));
    }

    /** Each of {@code args} through {@link #arg}. */
    static List<String> args(List<String> args) {
        return args.stream().map(Text::arg).toList();
    }

    /** {@code text} as one shell word of a container argument, in a Terraform string. */
    static String shell(String text) {
        return ShellWord.quote(text);
    }
}
