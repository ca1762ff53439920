package io.antidote.tf.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code backendConfigs.terraform.kubernetes.curriculumVolume}: how the curriculum reaches the pods, whose init
 * container copies the lesson's directory from it into the pod's own {@code /antidote}.
 *
 * @param type {@code hostPath}: a directory present on every node (as the reference); {@code persistentVolumeClaim}:
 *        a read-only claim in the livelesson's namespace, bound to a persistent volume of the stack on a CSI volume
 *        (EFS, Filestore, NFS) that holds the curriculum
 * @param hostPath the curriculum directory on the nodes; empty for the top-level {@code curriculumDir}
 * @param csiDriver the CSI driver of the curriculum volume ({@code efs.csi.aws.com})
 * @param csiVolumeHandle the volume of that driver holding the curriculum ({@code fs-0123:/curriculum})
 * @param csiVolumeAttributes attributes the driver needs ({@code server}, {@code share} for NFS)
 * @param capacity the size the claim requests and the volume declares (a label; nothing is allocated)
 */
public record KubernetesVolumeConfig(
        @JsonProperty("type") String type,
        @JsonProperty("hostPath") String hostPath,
        @JsonProperty("csiDriver") String csiDriver,
        @JsonProperty("csiVolumeHandle") String csiVolumeHandle,
        @JsonProperty("csiVolumeAttributes") Map<String, String> csiVolumeAttributes,
        @JsonProperty("capacity") String capacity) {

    public static final String HOST_PATH = "hostPath";
    public static final String PERSISTENT_VOLUME_CLAIM = "persistentVolumeClaim";
    private static final String P = KubernetesConfig.P + "curriculumVolume.";
    private static final Pattern DRIVER = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

    public KubernetesVolumeConfig {
        type = Checks.orDefault(type, HOST_PATH);
        if (type.equalsIgnoreCase(HOST_PATH)) {
            type = HOST_PATH;
        } else if (type.equalsIgnoreCase(PERSISTENT_VOLUME_CLAIM)) {
            type = PERSISTENT_VOLUME_CLAIM;
        } else {
            throw Checks.invalid(P + "type", "'" + type + "' is not one of " + HOST_PATH + "|" + PERSISTENT_VOLUME_CLAIM);
        }
        hostPath = hostPath == null ? "" : hostPath.trim();
        if (!hostPath.isEmpty() && !hostPath.startsWith("/")) {
            throw Checks.invalid(P + "hostPath", "'" + hostPath + "' must be an absolute path on the nodes");
        }
        csiDriver = csiDriver == null ? "" : csiDriver.trim().toLowerCase(Locale.ROOT);
        if (!csiDriver.isEmpty() && (!DRIVER.matcher(csiDriver).matches() || csiDriver.length() > 63)) {
            throw Checks.invalid(P + "csiDriver", "'" + csiDriver + "' is not a CSI driver name");
        }
        csiVolumeHandle = csiVolumeHandle == null ? "" : csiVolumeHandle.trim();
        csiVolumeAttributes = Collections.unmodifiableMap(new TreeMap<>(csiVolumeAttributes == null ? Map.of()
                : csiVolumeAttributes));
        capacity = KubernetesResources.quantity(P + "capacity", Checks.orDefault(capacity, "1Gi"));
    }

    public static KubernetesVolumeConfig defaults() {
        return new KubernetesVolumeConfig(null, null, null, null, null, null);
    }

    public boolean persistentVolumeClaim() {
        return type.equals(PERSISTENT_VOLUME_CLAIM);
    }

    /** What a stack of this volume type still needs, as full key paths. */
    List<String> missingKeys() {
        List<String> missing = new ArrayList<>();
        if (persistentVolumeClaim()) {
            if (csiDriver.isEmpty()) {
                missing.add(P + "csiDriver");
            }
            if (csiVolumeHandle.isEmpty()) {
                missing.add(P + "csiVolumeHandle");
            }
        }
        return missing;
    }
}
