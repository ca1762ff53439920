package io.antidote.tf.stack.kubernetes;

import io.antidote.tf.config.KubernetesResources;
import io.antidote.tf.lesson.ConfigurationType;
import io.antidote.tf.lesson.Flavor;
import io.antidote.tf.live.LivePresentation;
import java.util.List;

/**
 * One endpoint as its pod, service and configuration job (no jsii).
 *
 * @param endpoint the endpoint's name in the lesson
 * @param index its position in lesson order (the jupyter guide last)
 * @param podName the pod's name (the endpoint's name when it is a DNS-1123 label)
 * @param serviceName the service's name (the endpoint's name when it is a DNS-1035 label)
 * @param resourceSuffix the endpoint's part of Terraform resource names ({@code pod_<suffix>})
 * @param imageSlug the curriculum image; empty for the jupyter guide
 * @param imageRef {@code <imageOrg>/<image>:<curriculumVersion>}, or the guide's reference as is
 * @param networks its attachments to connection networks, in connection order
 * @param jobName {@code config-<endpoint>-<stage>}
 */
record PodPlan(String endpoint, int index, String podName, String serviceName, String resourceSuffix,
        String imageSlug, String imageRef, Flavor flavor, boolean enableForwarding, List<Integer> ports,
        List<LivePresentation> presentations, List<Attachment> networks, ConfigurationType configurationType,
        String configurationFile, String configUser, KubernetesResources resources, String jobName) {

    PodPlan {
        ports = List.copyOf(ports);
        presentations = List.copyOf(presentations);
        networks = List.copyOf(networks);
    }

    boolean configured() {
        return configurationType != ConfigurationType.NONE;
    }

    /**
     * An interface of the pod on a connection's network.
     *
     * @param network the NetworkAttachmentDefinition's name
     * @param interfaceName the image's name for it ({@code net0}, ...)
     * @param address the address requested for it, with the subnet's prefix length
     */
    record Attachment(String network, String interfaceName, String address) {
    }
}
