package io.antidote.tf.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code backendConfigs.terraform.kubernetes}: defaults, values, and errors naming the key. */
class KubernetesConfigTest {
    private static final Path ORIGIN = Path.of("/etc/antidote/antidote.yaml");
    private static final String HEAD = "instanceId: nrelabs\ncurriculumDir: /srv/curriculum\nbackendConfigs:\n  terraform:\n";

    private static KubernetesConfig parse(String section) {
        return ConfigLoader.parse(HEAD + "    target: kubernetes\n    kubernetes:\n" + section, ORIGIN)
                .backendConfigs().terraform().kubernetes();
    }

    private static ConfigException failure(String terraformSection) {
        return catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(HEAD + terraformSection, ORIGIN));
    }

    @Test
    void defaultsAreTheReferences() {
        KubernetesConfig k = ConfigLoader.parse(HEAD + "    target: kubernetes\n", ORIGIN).backendConfigs().terraform()
                .kubernetes();
        assertThat(k.inCluster()).isFalse();
        assertThat(k.kubeconfigPath()).isEqualTo("~/.kube/config");
        assertThat(k.secretsNamespace()).isEqualTo("prod");
        assertThat(k.tlsCertName()).isEqualTo("tls-certificate");
        assertThat(k.pullCredName()).isEmpty();
        assertThat(k.runtimeClassName()).isEqualTo("kata");
        assertThat(k.ingressClassName()).isEqualTo("nginx");
        assertThat(k.curriculumVolume().type()).isEqualTo("hostPath");
        assertThat(k.resources()).isEmpty();
        assertThat(k.missingKeys()).isEmpty();
    }

    @Test
    void everyKeyIsRead() {
        KubernetesConfig k = parse("""
                      kubeconfigPath: /etc/kube/config
                      kubeconfigContext: lab
                      namespacePrefix: lab-
                      imageOrg: registry.example.org/antidote
                      secretsNamespace: antidote
                      tlsCertName: wildcard
                      pullCredName: regcred
                      configPasswordSecret: passwords
                      ingressClassName: traefik
                      ingressAnnotations: {traefik.ingress.kubernetes.io/router.tls: "true"}
                      runtimeClassName: gvisor
                      initImage: busybox:1.36
                      curriculumVolume:
                        type: persistentvolumeclaim
                        csiDriver: efs.csi.aws.com
                        csiVolumeHandle: "fs-0123:/curriculum"
                        capacity: 5Gi
                      resources:
                        vqfx: {requests: {cpu: "2", memory: 4Gi}, limits: {memory: 6Gi}}
                      configurationTimeoutSeconds: 900
                """);
        assertThat(k.namespacePrefix()).isEqualTo("lab-");
        assertThat(k.ingressAnnotations()).containsEntry("traefik.ingress.kubernetes.io/router.tls", "true");
        assertThat(k.curriculumVolume().persistentVolumeClaim()).isTrue();
        assertThat(k.resourcesOf("vqfx").requests()).isEqualTo(Map.of("cpu", "2", "memory", "4Gi"));
        assertThat(k.resourcesOf("other").isEmpty()).isTrue();
        assertThat(k.configurationTimeoutSeconds()).isEqualTo(900);
        assertThat(k.missingKeys()).isEmpty();
    }

    @Test
    void aClaimNeedsItsCsiVolume() {
        KubernetesConfig k = parse("      curriculumVolume: {type: persistentVolumeClaim}\n");
        assertThat(k.missingKeys()).containsExactly(
                "backendConfigs.terraform.kubernetes.curriculumVolume.csiDriver",
                "backendConfigs.terraform.kubernetes.curriculumVolume.csiVolumeHandle");
    }

    @Test
    void badValuesAreNamedWithTheirKey() {
        String k = "    kubernetes:\n";
        assertThat(failure(k + "      namespacePrefix: Lab_\n").key())
                .isEqualTo("backendConfigs.terraform.kubernetes.namespacePrefix");
        assertThat(failure(k + "      tlsCertName: \"${x}\"\n").key())
                .isEqualTo("backendConfigs.terraform.kubernetes.tlsCertName");
        assertThat(failure(k + "      resources: {vqfx: {requests: {cpu: lots}}}\n").getMessage())
                .contains("backendConfigs.terraform.kubernetes.resources.<image>.requests.cpu")
                .contains("'lots' is not a quantity");
        assertThat(failure(k + "      curriculumVolume: {type: nfs}\n").key())
                .isEqualTo("backendConfigs.terraform.kubernetes.curriculumVolume.type");
        assertThat(failure(k + "      curriculumVolume: {hostPath: relative/dir}\n").key())
                .isEqualTo("backendConfigs.terraform.kubernetes.curriculumVolume.hostPath");
        assertThat(failure(k + "      inCluster: true\n      kubeconfigPath: /x\n").key())
                .isEqualTo("backendConfigs.terraform.kubernetes.kubeconfigPath");
        assertThat(failure(k + "      pullCredName: tls-certificate\n").getMessage()).contains("three different secrets");
        assertThat(failure(k + "      kubeconfg: /x\n").getMessage()).contains("kubeconfg: unknown key");
    }

    @Test
    void inClusterNeedsTheServiceVariablesPassedToTerraform() {
        ConfigException e = failure("    target: kubernetes\n    kubernetes: {inCluster: true}\n");
        assertThat(e.key()).isEqualTo("backendConfigs.terraform.runner.passEnv");
        assertThat(e.getMessage()).contains("KUBERNETES_SERVICE_HOST");
        KubernetesConfig ok = ConfigLoader.parse(HEAD + "    target: kubernetes\n    runner: {passEnv: "
                + List.of("KUBERNETES_SERVICE_HOST", "KUBERNETES_SERVICE_PORT") + "}\n    kubernetes: {inCluster: true}\n",
                ORIGIN).backendConfigs().terraform().kubernetes();
        assertThat(ok.inCluster()).isTrue();
        assertThat(ok.kubeconfigPath()).isEmpty();
        assertThat(ConfigLoader.parse(HEAD + "    target: aws\n    kubernetes: {inCluster: true}\n", ORIGIN)
                .backendConfigs().terraform().target()).as("another target does not need them").isEqualTo("aws");
    }
}
