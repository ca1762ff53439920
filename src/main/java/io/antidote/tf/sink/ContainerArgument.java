package io.antidote.tf.sink;

/**
 * Literal text in a Kubernetes container's {@code command}, {@code args} or {@code env[].value}. The kubelet expands
 * {@code $(NAME)} there with the container's environment and reads {@code $$} as one {@code $}, so a curriculum
 * string such as {@code $(ANTIDOTE_TARGET_PASSWORD)} would be replaced by a secret. Doubling every {@code $} makes
 * the kubelet give back exactly the text: {@code $$} is the only escape, and a {@code $} not followed by {@code (}
 * or {@code $} is kept as is either way.
 */
public final class ContainerArgument {
    private ContainerArgument() {
    }

    /** {@code text} such that the kubelet passes exactly {@code text} to the process. */
    public static String literal(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new SinkException("a container argument cannot hold a NUL byte");
        }
        return text.replace("$", "$$");
    }

    /** A reference the kubelet expands: {@code $(name)} for the container's variable {@code name}. */
    public static String variable(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new SinkException("'" + name + "' is not an environment variable name");
        }
        return "$(" + name + ")";
    }
}
