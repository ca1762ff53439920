package io.antidote.tf.sink;

import java.util.regex.Pattern;

/**
 * Builds the text of one Terraform string out of literal text, escaped by {@link TerraformString#literal}, and
 * references the code itself writes ({@code ${aws_instance.host.id}}), which terraform resolves. A reference must
 * look like one: resource addresses, attribute paths, indexes and the functions {@code element}/{@code lookup}, no
 * quotes or other templates, so that nothing that came from input can pass as a reference.
 */
public final class TerraformTemplate {
    private static final Pattern REFERENCE = Pattern.compile(
            "(?:element|lookup)?\\(?[a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*|\\[[0-9]+\\])*(?:, [0-9]+)?\\)?");
    private final StringBuilder text = new StringBuilder();

    /** Appends {@code literal} so that terraform reads it as exactly that text. */
    public TerraformTemplate literal(String literal) {
        text.append(TerraformString.literal(literal));
        return this;
    }

    /** Appends {@code ${expression}}; {@code expression} is code-made (a reference), checked to look like one. */
    public TerraformTemplate reference(String expression) {
        if (!REFERENCE.matcher(expression).matches()) {
            throw new SinkException("not a Terraform reference: " + expression);
        }
        text.append("${").append(expression).append('}');
        return this;
    }

    /** Appends what another template built. */
    public TerraformTemplate append(TerraformTemplate other) {
        text.append(other.text);
        return this;
    }

    /**
     * Appends a here-document ({@link Heredoc}) whose command is {@code command} and whose body is what
     * {@code document} builds, references included: the terminator derives from the document's template text, in which
     * a reference cannot spell it (references resolve to addresses and IDs).
     */
    public TerraformTemplate heredoc(String command, TerraformTemplate document) {
        String body = Heredoc.body(document.text.toString());
        String end = Heredoc.checkedTerminator(body);
        literal(command + " <<'" + end + "'\n");
        text.append(body);
        return literal(end + "\n");
    }

    public boolean isEmpty() {
        return text.length() == 0;
    }

    /** The Terraform string's text. */
    @Override
    public String toString() {
        return text.toString();
    }
}
