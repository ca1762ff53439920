package io.antidote.tf.stack.kubernetes;

import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.BackendConfigs;
import io.antidote.tf.config.KubernetesConfig;
import io.antidote.tf.config.KubernetesResources;
import io.antidote.tf.config.KubernetesVolumeConfig;
import io.antidote.tf.config.TerraformBackendConfig;
import io.antidote.tf.stack.StackFixtures;
import java.nio.file.Path;
import java.util.Map;

/** Configurations of the Kubernetes target for tests. */
final class KubernetesFixtures {
    private KubernetesFixtures() {
    }

    /** The defaults, with a pull secret, resources for the utility image and hostPath {@code /srv/curriculum}. */
    static KubernetesConfig k8s() {
        return new KubernetesConfig(null, "/etc/antidote/kubeconfig", "lab", null, null, null, null, "regcred", null,
                null, null, null, null, new KubernetesVolumeConfig(null, "/srv/curriculum", null, null, null, null),
                Map.of("utility", new KubernetesResources(Map.of("cpu", "250m", "memory", "256Mi"),
                        Map.of("memory", "1Gi"))), null);
    }

    /** The curriculum through a claim on an EFS volume. */
    static KubernetesConfig k8sWithClaim() {
        return new KubernetesConfig(null, null, null, "lab-", "registry.example.org/antidote", null, null, null, null,
                null, null, null, null, new KubernetesVolumeConfig("persistentVolumeClaim", null, "efs.csi.aws.com",
                        "fs-0123abcd:/curriculum", Map.of(), "5Gi"), null, null);
    }

    static AntidoteConfig config(boolean allowEgress, KubernetesConfig k8s) {
        return config(allowEgress, k8s, StackFixtures.CURRICULUM);
    }

    static AntidoteConfig config(boolean allowEgress, KubernetesConfig k8s, Path curriculum) {
        return new AntidoteConfig("ptr", curriculum, null, "labs.example.org", null, null, null, null, null, null,
                null, null, allowEgress, "v1.2.3", null, null, null, null, null, null, null,
                new BackendConfigs(new TerraformBackendConfig("kubernetes", null, null, null, null, null, null, k8s,
                        java.util.List.of("*"))));
    }
}
