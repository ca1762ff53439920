package io.antidote.tf.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.sink.TerraformString;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Terraform template sequences of a stack: every {@code ${...}} and {@code %{...}} that terraform would evaluate
 * in any string of the JSON (keys and values, at any depth), and those that are not the code's own. The code writes
 * only resource and data source attribute references ({@code ${aws_instance.host.id}},
 * {@code ${terraform_data.host.id}}, {@code ${kubernetes_namespace_v1.namespace.metadata[0].name}}) and two
 * function calls of its own, {@code ${element(aws_network_interface.host_eni.private_ip_list, N)}} and
 * {@code ${base64gzip(local.user_data)}}; never a directive, never another function.
 */
public final class TemplateSequences {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OWN = Pattern.compile(
            "\\$\\{(?:(?:data\\.)?(?:aws_[a-z0-9_]+|kubernetes_[a-z0-9_]+|terraform_data)\\.[a-z0-9_]+"
                    + "(?:\\.[a-z0-9_]+|\\[[0-9]+])+"
                    + "|element\\(aws_network_interface\\.host_eni\\.private_ip_list, [0-9]+\\)"
                    + "|base64gzip\\(local\\.user_data\\))}");

    private TemplateSequences() {
    }

    /** Every template sequence in {@code json}'s strings, as written (up to its closing brace). */
    public static List<String> in(String json) {
        List<String> found = new ArrayList<>();
        try {
            walk(JSON.readTree(json), found);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        return found;
    }

    /** The sequences of {@code json} that the code does not write itself: each one is an injection. */
    public static List<String> foreign(String json) {
        return in(json).stream().filter(s -> !OWN.matcher(s).matches()).toList();
    }

    private static void walk(JsonNode node, List<String> found) {
        if (node.isTextual()) {
            sequences(node.asText(), found);
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sequences(e.getKey(), found);
                walk(e.getValue(), found);
            }
        } else if (node.isArray()) {
            node.forEach(n -> walk(n, found));
        }
    }

    /** The sequences of one string, found as TerraformString does (an escaped $${ or %%{ is none). */
    static void sequences(String text, List<String> found) {
        if (!TerraformString.hasTemplateSequence(text)) {
            return;
        }
        for (int i = 0; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '$' || c == '%') && i + 2 < text.length() && text.charAt(i + 1) == c && text.charAt(i + 2) == '{') {
                i += 2;
            } else if ((c == '$' || c == '%') && text.charAt(i + 1) == '{') {
                int depth = 0;
                int end = i + 1;
                for (; end < text.length(); end++) {
                    char d = text.charAt(end);
                    depth += d == '{' ? 1 : d == '}' ? -1 : 0;
                    if (depth == 0) {
                        break;
                    }
                }
                found.add(text.substring(i, Math.min(end + 1, text.length())));
                i = end;
            }
        }
    }
}
