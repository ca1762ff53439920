package io.antidote.tf.stack;

import java.util.Objects;

/**
 * One synthesized stack.
 *
 * @param name the stack's name, unique per instance ({@code <instanceId>-<livelessonId>}); a directory name
 * @param json the Terraform JSON configuration ({@code main.tf.json}), keys sorted, deterministic
 */
public record SynthesizedStack(String name, String json) {
    public SynthesizedStack {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(json, "json");
    }

    @Override
    public String toString() {
        return "SynthesizedStack[name=" + name + ", json=" + json.length() + " chars]";
    }
}
