package io.antidote.tf.stack.host;

import io.antidote.tf.sink.ShellWord;
import io.antidote.tf.sink.TerraformTemplate;

/** Where an endpoint's ports are published on the lesson host: an address known at synthesis, or one terraform resolves. */
public sealed interface HostAddress {

    /** This address as one quoted shell word inside a Terraform string. */
    TerraformTemplate shellWord();

    /** An address known when the stack is synthesized. */
    record Literal(String address) implements HostAddress {
        @Override
        public TerraformTemplate shellWord() {
            return new TerraformTemplate().literal(ShellWord.quote(address));
        }
    }

    /** An address terraform resolves at apply time (an IP address: safe inside single quotes). */
    record Reference(String expression) implements HostAddress {
        @Override
        public TerraformTemplate shellWord() {
            return new TerraformTemplate().literal("'").reference(expression).literal("'");
        }
    }
}
