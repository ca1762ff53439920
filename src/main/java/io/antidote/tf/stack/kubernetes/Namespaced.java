package io.antidote.tf.stack.kubernetes;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.kubernetes.DataKubernetesSecretV1;
import com.hashicorp.cdktf.providers.kubernetes.DataKubernetesSecretV1Metadata;
import com.hashicorp.cdktf.providers.kubernetes.NetworkPolicyV1;
import com.hashicorp.cdktf.providers.kubernetes.NetworkPolicyV1Metadata;
import com.hashicorp.cdktf.providers.kubernetes.NetworkPolicyV1Spec;
import com.hashicorp.cdktf.providers.kubernetes.NetworkPolicyV1SpecEgress;
import com.hashicorp.cdktf.providers.kubernetes.NetworkPolicyV1SpecEgressPorts;
import com.hashicorp.cdktf.providers.kubernetes.NetworkPolicyV1SpecEgressTo;
import com.hashicorp.cdktf.providers.kubernetes.NetworkPolicyV1SpecEgressToNamespaceSelector;
import com.hashicorp.cdktf.providers.kubernetes.NetworkPolicyV1SpecPodSelector;
import com.hashicorp.cdktf.providers.kubernetes.NetworkPolicyV1SpecPodSelectorMatchExpressions;
import com.hashicorp.cdktf.providers.kubernetes.PersistentVolumeClaimV1;
import com.hashicorp.cdktf.providers.kubernetes.PersistentVolumeClaimV1Metadata;
import com.hashicorp.cdktf.providers.kubernetes.PersistentVolumeClaimV1Spec;
import com.hashicorp.cdktf.providers.kubernetes.PersistentVolumeClaimV1SpecResources;
import com.hashicorp.cdktf.providers.kubernetes.PersistentVolumeV1;
import com.hashicorp.cdktf.providers.kubernetes.PersistentVolumeV1Metadata;
import com.hashicorp.cdktf.providers.kubernetes.PersistentVolumeV1Spec;
import com.hashicorp.cdktf.providers.kubernetes.PersistentVolumeV1SpecClaimRef;
import com.hashicorp.cdktf.providers.kubernetes.PersistentVolumeV1SpecPersistentVolumeSource;
import com.hashicorp.cdktf.providers.kubernetes.PersistentVolumeV1SpecPersistentVolumeSourceCsi;
import com.hashicorp.cdktf.providers.kubernetes.SecretV1;
import com.hashicorp.cdktf.providers.kubernetes.SecretV1Metadata;
import io.antidote.tf.config.KubernetesVolumeConfig;
import java.util.List;
import java.util.Map;

/**
 * The livelesson-wide objects around the pods: the default-deny egress policy, the secrets copied from the secrets
 * namespace, and the curriculum's volume and claim.
 */
final class Namespaced {
    static final String POLICY = "stoneage";
    static final String SECRET_V1 = "kubernetes_secret_v1";
    static final String PV_V1 = "kubernetes_persistent_volume_v1";
    static final String PVC_V1 = "kubernetes_persistent_volume_claim_v1";
    /** The storage class name the curriculum's volume and claim share (static binding; no such class is needed). */
    static final String CURRICULUM_CLASS = "antidote-curriculum";
    static final String VOLUME_ID = "curriculum_volume";
    static final String CLAIM_ID = "curriculum_claim";
    static final Map<String, String> MANAGED = Map.of("antidoteManaged", "yes");

    private Namespaced() {
    }

    /**
     * {@code stoneage}: the lesson's pods (not configuration pods) may only reach their own namespace and DNS
     * (TCP/UDP 53) anywhere.
     */
    static void egressPolicy(TerraformStack stack, LessonPlan plan, String namespace) {
        NetworkPolicyV1.Builder.create(stack, POLICY)
                .metadata(NetworkPolicyV1Metadata.builder().name(POLICY).namespace(namespace).labels(MANAGED).build())
                .spec(NetworkPolicyV1Spec.builder()
                        .podSelector(NetworkPolicyV1SpecPodSelector.builder().matchExpressions(List.of(
                                NetworkPolicyV1SpecPodSelectorMatchExpressions.builder().key("antidoteManaged")
                                        .operator("In").values(List.of("yes")).build(),
                                NetworkPolicyV1SpecPodSelectorMatchExpressions.builder().key("configPod")
                                        .operator("NotIn").values(List.of("yes")).build())).build())
                        .policyTypes(List.of("Egress"))
                        .egress(List.of(
                                NetworkPolicyV1SpecEgress.builder().to(List.of(NetworkPolicyV1SpecEgressTo.builder()
                                        .namespaceSelector(NetworkPolicyV1SpecEgressToNamespaceSelector.builder()
                                                .matchLabels(Map.of("name", plan.namespace())).build()).build()))
                                        .build(),
                                NetworkPolicyV1SpecEgress.builder().to(List.of(NetworkPolicyV1SpecEgressTo.builder()
                                        .namespaceSelector(NetworkPolicyV1SpecEgressToNamespaceSelector.builder()
                                                .build()).build()))
                                        .ports(List.of(
                                                NetworkPolicyV1SpecEgressPorts.builder().protocol("TCP").port("53").build(),
                                                NetworkPolicyV1SpecEgressPorts.builder().protocol("UDP").port("53").build()))
                                        .build()))
                        .build())
                .build();
    }

    /**
     * Copies secret {@code name} of the secrets namespace into the livelesson's namespace: read by a data source at
     * plan time (its values live in terraform's state, never in the stack), written under the same name and type.
     *
     * @return the copy's resource address
     */
    static String copySecret(TerraformStack stack, LessonPlan plan, String id, String name, String namespace) {
        String source = "source_" + id;
        DataKubernetesSecretV1.Builder.create(stack, source)
                .metadata(DataKubernetesSecretV1Metadata.builder().name(Text.lit(name))
                        .namespace(Text.lit(plan.k8s().secretsNamespace())).build())
                .build();
        SecretV1 copy = SecretV1.Builder.create(stack, id)
                .metadata(SecretV1Metadata.builder().name(Text.lit(name)).namespace(namespace).labels(MANAGED).build())
                .type("${data." + SECRET_V1 + "." + source + ".type}")
                .build();
        copy.addOverride("data", "${data." + SECRET_V1 + "." + source + ".data}");
        return SECRET_V1 + "." + id;
    }

    /**
     * The curriculum as a read-only claim {@code curriculum} in the namespace, bound to a volume of this livelesson
     * on the configured CSI volume (volumes are cluster-wide, claims per namespace; the volume is retained, so
     * deleting it never touches the data).
     *
     * @return the claim's resource address
     */
    static String curriculumClaim(TerraformStack stack, LessonPlan plan, String namespace) {
        KubernetesVolumeConfig v = plan.k8s().curriculumVolume();
        String volumeName = KubernetesNaming.dns1123(plan.namespace() + "-curriculum");
        PersistentVolumeV1.Builder.create(stack, VOLUME_ID)
                .metadata(PersistentVolumeV1Metadata.builder().name(volumeName).labels(Text.lit(plan.namespaceLabels()))
                        .build())
                .spec(List.of(PersistentVolumeV1Spec.builder().capacity(Map.of("storage", v.capacity()))
                        .accessModes(List.of("ReadOnlyMany")).persistentVolumeReclaimPolicy("Retain")
                        .storageClassName(CURRICULUM_CLASS)
                        .claimRef(PersistentVolumeV1SpecClaimRef.builder().namespace(Text.lit(plan.namespace()))
                                .name(PodShape.CLAIM).build())
                        .persistentVolumeSource(PersistentVolumeV1SpecPersistentVolumeSource.builder().csi(
                                PersistentVolumeV1SpecPersistentVolumeSourceCsi.builder().driver(Text.lit(v.csiDriver()))
                                        .volumeHandle(Text.lit(v.csiVolumeHandle())).readOnly(true)
                                        .volumeAttributes(Text.lit(v.csiVolumeAttributes())).build()).build())
                        .build()))
                .build();
        PersistentVolumeClaimV1.Builder.create(stack, CLAIM_ID)
                .metadata(PersistentVolumeClaimV1Metadata.builder().name(PodShape.CLAIM).namespace(namespace)
                        .labels(MANAGED).build())
                .spec(PersistentVolumeClaimV1Spec.builder().accessModes(List.of("ReadOnlyMany"))
                        .storageClassName(CURRICULUM_CLASS).volumeName("${" + PV_V1 + "." + VOLUME_ID + ".metadata[0].name}")
                        .resources(PersistentVolumeClaimV1SpecResources.builder().requests(Map.of("storage", v.capacity()))
                                .build()).build())
                .waitUntilBound(true)
                .build();
        return PVC_V1 + "." + CLAIM_ID;
    }
}
