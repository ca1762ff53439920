package io.antidote.tf.stack.host;

import java.util.Map;
import java.util.Objects;

/**
 * What a lesson host needs beyond the plan, set by the target: where the livelesson's files live on the host, where
 * its lesson directory is copied from, where the images' configuration passwords are read, and the instance's
 * policy.
 *
 * @param stateDir the livelesson's own directory on the host: its {@code /antidote} copy, log, script and plan
 * @param lessonSource the lesson's directory on the host, copied once into {@code stateDir/antidote}
 * @param secretsDir holds {@code <image>/configPassword} for every configured image (mode 0600, read at configuration)
 * @param dnsSearch a DNS search domain for the endpoints (the AWS private zone), or empty
 * @param configuratorImage {@code antidotelabs/configurator:<imageVersion>}
 * @param labels the livelesson's labels (StackTags), put on every container and network
 */
public record HostSettings(String uullid, String stateDir, String lessonSource, String secretsDir, String dnsSearch,
        String configuratorImage, boolean allowEgress, boolean alwaysPull, Map<String, String> labels) {

    /** The image that holds each endpoint's network namespace, built on the host from its own {@code sleep}. */
    public static final String NET_HOLDER_IMAGE = "antidote/netholder:1";

    public HostSettings {
        Objects.requireNonNull(uullid, "uullid");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(lessonSource, "lessonSource");
        Objects.requireNonNull(secretsDir, "secretsDir");
        dnsSearch = dnsSearch == null ? "" : dnsSearch;
        labels = Map.copyOf(labels);
    }
}
