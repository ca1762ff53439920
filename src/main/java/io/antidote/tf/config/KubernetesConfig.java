package io.antidote.tf.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code backendConfigs.terraform.kubernetes}: the Kubernetes target (docs/kubernetes.md). Formats are checked here;
 * {@link #missingKeys()} names what a stack still needs, so a configuration of another target stays valid.
 *
 * @param inCluster reach the API server with the service account of the pod terraform runs in (the scheduler's);
 *        the provider then needs {@code KUBERNETES_SERVICE_HOST} and {@code KUBERNETES_SERVICE_PORT} in
 *        {@code runner.passEnv}
 * @param kubeconfigPath the kubeconfig file terraform's provider reads ({@code ~} expanded by the provider); not
 *        with {@code inCluster}
 * @param kubeconfigContext the context of that file; empty for its current context
 * @param namespacePrefix put before {@code <instanceId>-<livelessonId>} to name each livelesson's namespace
 * @param imageOrg registry organisation of endpoint images on the cluster; empty for the top-level {@code imageOrg}
 * @param secretsNamespace the namespace holding the secrets copied into every livelesson's namespace
 * @param tlsCertName the TLS secret of HTTP presentations (copied; ingresses terminate TLS with it)
 * @param pullCredName optional image pull secret (copied; every pod and job uses it)
 * @param configPasswordSecret the secret (in {@code secretsNamespace}) whose key {@code <image>} holds that image's
 *        configuration password (copied; configuration jobs read it from there, never from the stack)
 * @param ingressClassName the ingress class of HTTP presentations
 * @param ingressAnnotations annotations of every ingress (controller settings, such as the reference's nginx
 *        snippet that hides {@code X-Frame-Options} so that presentations can be framed); none by default
 * @param runtimeClassName the runtime class of {@code untrusted} images (a sandbox such as kata or gVisor)
 * @param initImage the image of the init container that copies the lesson into {@code /antidote} (needs a shell,
 *        {@code cp} and {@code chown})
 * @param curriculumVolume where pods read the curriculum from
 * @param resources image slug -> requests and limits of its containers (none by default, as the reference)
 * @param configurationTimeoutSeconds how long a stage's configuration jobs may take
 */
public record KubernetesConfig(
        @JsonProperty("inCluster") Boolean inCluster,
        @JsonProperty("kubeconfigPath") String kubeconfigPath,
        @JsonProperty("kubeconfigContext") String kubeconfigContext,
        @JsonProperty("namespacePrefix") String namespacePrefix,
        @JsonProperty("imageOrg") String imageOrg,
        @JsonProperty("secretsNamespace") String secretsNamespace,
        @JsonProperty("tlsCertName") String tlsCertName,
        @JsonProperty("pullCredName") String pullCredName,
        @JsonProperty("configPasswordSecret") String configPasswordSecret,
        @JsonProperty("ingressClassName") String ingressClassName,
        @JsonProperty("ingressAnnotations") Map<String, String> ingressAnnotations,
        @JsonProperty("runtimeClassName") String runtimeClassName,
        @JsonProperty("initImage") String initImage,
        @JsonProperty("curriculumVolume") KubernetesVolumeConfig curriculumVolume,
        @JsonProperty("resources") Map<String, KubernetesResources> resources,
        @JsonProperty("configurationTimeoutSeconds") Integer configurationTimeoutSeconds) {

    static final String P = "backendConfigs.terraform.kubernetes.";
    /** Environment variables the provider needs for {@code inCluster}. */
    public static final List<String> IN_CLUSTER_ENV = List.of("KUBERNETES_SERVICE_HOST", "KUBERNETES_SERVICE_PORT");
    /** A DNS-1123 subdomain: names of secrets, ingress and runtime classes. */
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern PREFIX = Pattern.compile("([a-z0-9][-a-z0-9]*)?");
    private static final Pattern ANNOTATION_KEY = Pattern.compile(
            "([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Pattern IMAGE_SLUG = Pattern.compile("[A-Za-z0-9-]+");
    private static final Pattern IMAGE_REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:@-]*");
    /** Namespace prefixes stay short so that {@code <prefix><uullid>} fits a 63-character label. */
    public static final int NAMESPACE_PREFIX_MAX = 10;

    public KubernetesConfig {
        inCluster = inCluster != null && inCluster;
        kubeconfigPath = trim(kubeconfigPath);
        if (inCluster && !kubeconfigPath.isEmpty()) {
            throw Checks.invalid(P + "kubeconfigPath", "is not used with inCluster: true (remove one of them)");
        }
        if (!inCluster && kubeconfigPath.isEmpty()) {
            kubeconfigPath = "~/.kube/config";
        }
        kubeconfigContext = trim(kubeconfigContext);
        namespacePrefix = trim(namespacePrefix);
        if (!PREFIX.matcher(namespacePrefix).matches() || namespacePrefix.length() > NAMESPACE_PREFIX_MAX) {
            throw Checks.invalid(P + "namespacePrefix", "'" + namespacePrefix + "' must be 0.." + NAMESPACE_PREFIX_MAX
                    + " lower-case letters, digits and hyphens, not starting with a hyphen");
        }
        imageOrg = trim(imageOrg);
        if (!imageOrg.isEmpty() && !IMAGE_REF.matcher(imageOrg).matches()) {
            throw Checks.invalid(P + "imageOrg", "'" + imageOrg + "' is not a registry organisation");
        }
        secretsNamespace = name("secretsNamespace", Checks.orDefault(secretsNamespace, "prod"), 63, false);
        tlsCertName = name("tlsCertName", Checks.orDefault(tlsCertName, "tls-certificate"), 253, false);
        pullCredName = name("pullCredName", trim(pullCredName), 253, true);
        configPasswordSecret = name("configPasswordSecret",
                Checks.orDefault(configPasswordSecret, "antidote-config-passwords"), 253, false);
        if (tlsCertName.equals(pullCredName) || tlsCertName.equals(configPasswordSecret)
                || configPasswordSecret.equals(pullCredName)) {
            throw Checks.invalid(P + "configPasswordSecret", "tlsCertName, pullCredName and configPasswordSecret"
                    + " must name three different secrets (each is copied into the namespace under its name)");
        }
        ingressClassName = name("ingressClassName", Checks.orDefault(ingressClassName, "nginx"), 253, false);
        Map<String, String> annotations = new TreeMap<>();
        if (ingressAnnotations != null) {
            for (Map.Entry<String, String> e : ingressAnnotations.entrySet()) {
                if (!ANNOTATION_KEY.matcher(e.getKey()).matches() || e.getKey().length() > 316) {
                    throw Checks.invalid(P + "ingressAnnotations", "'" + e.getKey() + "' is not an annotation name");
                }
                annotations.put(e.getKey(), e.getValue() == null ? "" : e.getValue());
            }
        }
        ingressAnnotations = Collections.unmodifiableMap(annotations);
        runtimeClassName = name("runtimeClassName", Checks.orDefault(runtimeClassName, "kata"), 253, false);
        initImage = Checks.orDefault(initImage, "bash:5.2");
        if (!IMAGE_REF.matcher(initImage).matches()) {
            throw Checks.invalid(P + "initImage", "'" + initImage + "' is not an image reference");
        }
        curriculumVolume = curriculumVolume == null ? KubernetesVolumeConfig.defaults() : curriculumVolume;
        Map<String, KubernetesResources> byImage = new TreeMap<>();
        if (resources != null) {
            for (Map.Entry<String, KubernetesResources> e : resources.entrySet()) {
                if (!IMAGE_SLUG.matcher(e.getKey()).matches()) {
                    throw Checks.invalid(P + "resources", "'" + e.getKey() + "' is not an image name");
                }
                byImage.put(e.getKey(), e.getValue() == null ? KubernetesResources.none() : e.getValue());
            }
        }
        resources = Collections.unmodifiableMap(byImage);
        configurationTimeoutSeconds = Checks.range(P + "configurationTimeoutSeconds", configurationTimeoutSeconds,
                600, 60, 86400);
    }

    public static KubernetesConfig defaults() {
        return new KubernetesConfig(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** The requests and limits of an image's containers; none when the image has no entry. */
    public KubernetesResources resourcesOf(String imageSlug) {
        return resources.getOrDefault(imageSlug, KubernetesResources.none());
    }

    /** The keys (full paths) a stack needs that are empty here; empty when this configuration can synthesize. */
    public List<String> missingKeys() {
        List<String> missing = new ArrayList<>(curriculumVolume.missingKeys());
        return List.copyOf(missing);
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    private static String name(String key, String value, int max, boolean optional) {
        String v = value.trim();
        if (v.isEmpty() && optional) {
            return v;
        }
        if (!SUBDOMAIN.matcher(v).matches() || v.length() > max) {
            throw Checks.invalid(P + key, "'" + v + "' must be a Kubernetes name: 1.." + max
                    + " lower-case letters, digits, hyphens and dots, starting and ending with a letter or digit");
        }
        return v;
    }
}
