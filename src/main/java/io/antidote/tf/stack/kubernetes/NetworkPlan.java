package io.antidote.tf.stack.kubernetes;

/**
 * A connection as its NetworkAttachmentDefinition.
 *
 * @param index the connection's position in the lesson
 * @param name the definition's name ({@code <a>-<b>-net} when that is a unique DNS-1123 label)
 * @param bridge the Linux bridge on the node, unique per livelesson and connection
 * @param subnet the connection's subnet (CIDR)
 */
record NetworkPlan(int index, String name, String bridge, String subnet) {
}
