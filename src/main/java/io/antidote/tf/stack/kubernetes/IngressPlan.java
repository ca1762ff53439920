package io.antidote.tf.stack.kubernetes;

/**
 * An HTTP presentation (or the jupyter guide) as its ingress.
 *
 * @param route {@code <endpoint>/<presentation>}, the key of {@code http_routes}
 * @param name the ingress's name ({@code <endpoint>-<presentation>} when that is a unique DNS-1123 label)
 * @param resourceSuffix its part of the Terraform resource name
 * @param host the HepDomain (or GuideDomain) it serves
 * @param service the endpoint's service
 * @param port the presentation's port
 */
record IngressPlan(String route, String name, String resourceSuffix, String host, String service, int port) {
}
