package io.antidote.tf.grammar;

import java.util.Optional;

/**
 * Docker image references ({@code [registry/]namespace/name:tag}), as the distribution reference grammar defines
 * them: path components are lower-case letters and digits joined by {@code .}, {@code _}, {@code __} or hyphens; a
 * registry host comes first when the first part has a dot or a port, or is {@code localhost}; a tag is up to 128
 * letters, digits, {@code _}, {@code .} and {@code -}, not starting with {@code .} or {@code -}. The whole name
 * (without the tag) is at most 255 characters.
 */
public final class DockerNames {
    /** The longest repository name (registry and path, without the tag). */
    public static final int MAX_NAME = 255;
    /** The longest image name of a curriculum, so that {@code <org>/<image>} stays within {@link #MAX_NAME}. */
    public static final int MAX_IMAGE = 63;
    /** The longest organisation ({@code imageOrg}), leaving room for {@code /<image>}. */
    public static final int MAX_ORG = MAX_NAME - MAX_IMAGE - 1;

    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String HOST_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final String REGISTRY = HOST_LABEL + "(?:\\." + HOST_LABEL + ")*(?::[0-9]{1,5})?";

    /** A tag: {@code latest}, {@code v1.2.3}. */
    public static final Rule TAG = Rule.matching("[A-Za-z0-9_][A-Za-z0-9_.-]*", 128,
            "a Docker tag: letters, digits, '_', '.' and '-', not starting with '.' or '-'");

    /**
     * A curriculum's image name ({@code vqfx}, {@code vqfx-snap1}): the reference's {@code ^[A-Za-z0-9-]*$}
     * narrowed to what a Docker name component accepts (lower case, no leading, trailing or only hyphens), at most
     * 63 characters.
     */
    public static final Rule IMAGE = Rule.matching("[a-z0-9]+(-+[a-z0-9]+)*", MAX_IMAGE,
            "lower-case letters, digits and inner hyphens (an image name: ^[a-z0-9]+(-+[a-z0-9]+)*$)");

    /** One repository path component of any length the name allows ({@code configurator}, {@code a.b_c}). */
    public static final Rule REPOSITORY = Rule.matching(COMPONENT, MAX_NAME,
            "a Docker repository name: lower-case letters and digits, joined by '.', '_', '__' or '-'");

    /**
     * What comes before {@code /<image>}: path components, optionally after a registry host
     * ({@code antidotelabs}, {@code 123456789012.dkr.ecr.us-east-1.amazonaws.com/antidote}, {@code localhost:5000}).
     */
    public static final Rule ORGANISATION = Rule.length(1, MAX_ORG).and(DockerNames::organisation);

    private DockerNames() {
    }

    private static Optional<String> organisation(String org) {
        String[] parts = org.split("/", -1);
        int first = 0;
        if (parts.length > 1 && (parts[0].contains(".") || parts[0].contains(":") || parts[0].equals("localhost"))) {
            if (!parts[0].matches(REGISTRY)) {
                return Optional.of("must start with a registry host (letters, digits, inner hyphens and dots, "
                        + "an optional :port) when its first part has a dot or a port");
            }
            first = 1;
        }
        for (int i = first; i < parts.length; i++) {
            if (!parts[i].matches(COMPONENT)) {
                return Optional.of("must be Docker name components separated by '/' (lower-case letters and "
                        + "digits, joined by '.', '_', '__' or '-'), after an optional registry host");
            }
        }
        return Optional.empty();
    }
}
