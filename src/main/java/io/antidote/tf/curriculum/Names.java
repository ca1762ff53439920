package io.antidote.tf.curriculum;

import io.antidote.tf.grammar.DnsNames;
import io.antidote.tf.grammar.DockerNames;
import io.antidote.tf.grammar.Rule;
import io.antidote.tf.grammar.Texts;
import io.antidote.tf.grammar.UnixNames;

/**
 * The grammars of a curriculum's names: every one reaches a path, a command line, a host name, a resource name or a
 * tag. Endpoint and presentation names become parts of host names
 * ({@code <instance>-<livelesson>-<endpoint>-<presentation>.<domain>}, whose first label must stay within 63
 * characters), so both are DNS labels with a length budget.
 */
final class Names {
    static final int MAX_ENDPOINT = 20;
    static final int MAX_PRESENTATION = 10;
    static final int MAX_SLUG = DnsNames.MAX_LABEL;
    static final int MAX_PASSWORD = 128;
    /** The endpoint every livelesson with a jupyter stage gets; a lesson may not declare it. */
    static final String RESERVED_ENDPOINT = "jupyterlabguide";

    /**
     * A lesson or collection slug: the reference's {@code ^[a-z-]*$}, not starting or ending with a hyphen (a
     * leading hyphen reads as an option on a command line; Kubernetes label values end in a letter or digit), at
     * most 63 characters (a Kubernetes label value).
     */
    static final Rule SLUG = Rule.matching("[a-z]([a-z-]*[a-z])?", MAX_SLUG,
            "lower-case letters and inner hyphens (^[a-z][a-z-]*[a-z]$)");

    static final Rule IMAGE = DockerNames.IMAGE;

    static final Rule ENDPOINT = DnsNames.label(MAX_ENDPOINT).because("it becomes part of a host name");
    static final Rule PRESENTATION = DnsNames.label(MAX_PRESENTATION).because("it becomes part of a host name");
    static final Rule INTERFACE = UnixNames.INTERFACE;
    static final Rule USER = UnixNames.USER;
    static final Rule PASSWORD = Texts.printableAscii(MAX_PASSWORD);

    private Names() {
    }
}
