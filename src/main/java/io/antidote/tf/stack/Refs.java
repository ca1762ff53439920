package io.antidote.tf.stack;

/**
 * Terraform references as plain strings: the text CDKTF renders for an attribute getter ({@code host.getId()}) or
 * {@code Fn.element}, built in Java. Each getter or function is a jsii round trip (and a token in node); a synth makes
 * dozens of them, and within one stack the rendered string is all terraform sees. Only for resources created directly
 * in the stack (their logical name is their construct ID). docs/performance.md, "Synthesis".
 */
public final class Refs {
    private Refs() {
    }

    /** {@code ${type.name.attribute}}. */
    public static String attr(String type, String name, String attribute) {
        return "${" + type + "." + name + "." + attribute + "}";
    }

    /** {@code ${element(type.name.listAttribute, index)}}. */
    public static String element(String type, String name, String listAttribute, int index) {
        return "${element(" + type + "." + name + "." + listAttribute + ", " + index + ")}";
    }

    /** The expression inside a reference: {@code ${expr}} -> {@code expr}. */
    public static String unwrap(String reference) {
        if (!reference.startsWith("${") || !reference.endsWith("}")) {
            throw new IllegalArgumentException("not a reference: " + reference);
        }
        return reference.substring(2, reference.length() - 1);
    }
}
