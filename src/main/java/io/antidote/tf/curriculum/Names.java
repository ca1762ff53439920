package io.antidote.tf.curriculum;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The naming rules of curriculum objects. Endpoint and presentation names become parts of host names
 * ({@code <instance>-<livelesson>-<endpoint>-<presentation>.<domain>}, whose first label must stay within 63
 * characters), so both are DNS labels with a length budget.
 */
final class Names {
    static final Pattern SLUG = Pattern.compile("[a-z-]+");
    static final Pattern IMAGE = Pattern.compile("[A-Za-z0-9-]+");
    static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    static final int MAX_ENDPOINT = 20;
    static final int MAX_PRESENTATION = 10;
    /** The endpoint every livelesson with a jupyter stage gets; a lesson may not declare it. */
    static final String RESERVED_ENDPOINT = "jupyterlabguide";

    private Names() {
    }

    /** Why {@code slug} is not a lesson or collection slug, if it is not. */
    static Optional<String> slugProblem(String slug) {
        return SLUG.matcher(slug).matches() ? Optional.empty()
                : Optional.of("must be lower-case letters and hyphens (^[a-z-]*$), got " + Values.quote(slug));
    }

    /** Why {@code image} is not an image name, if it is not. */
    static Optional<String> imageProblem(String image) {
        return IMAGE.matcher(image).matches() ? Optional.empty()
                : Optional.of("must be letters, digits and hyphens (^[A-Za-z0-9-]*$), got " + Values.quote(image));
    }

    /** Why {@code name} is not a DNS label of at most {@code max} characters, if it is not. */
    static Optional<String> labelProblem(String name, int max) {
        if (!DNS_LABEL.matcher(name).matches()) {
            return Optional.of("must be a DNS label (lower-case letters, digits and inner hyphens), got "
                    + Values.quote(name));
        }
        if (name.length() > max) {
            return Optional.of("must be at most " + max + " characters (it becomes part of a host name), got "
                    + name.length());
        }
        return Optional.empty();
    }
}
