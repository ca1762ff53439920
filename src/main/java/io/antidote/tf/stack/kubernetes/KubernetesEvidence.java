package io.antidote.tf.stack.kubernetes;

import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.stack.EvidenceSection;
import io.antidote.tf.stack.FailureEvidence;
import java.nio.file.Path;
import java.util.List;

/**
 * The Kubernetes target's evidence: the pods' logs and events live in the cluster, which this process reaches only
 * through terraform's provider, so the section tells an operator what to run (the livelesson's namespace, its pods'
 * logs and events, the configuration jobs). Terraform's own diagnostics are recorded by the backend for every target.
 */
final class KubernetesEvidence implements FailureEvidence {
    private final String namespacePrefix;

    KubernetesEvidence(String namespacePrefix) {
        this.namespacePrefix = namespacePrefix;
    }

    @Override
    public List<EvidenceSection> collect(LiveLesson live, Path workspace) {
        String ns = KubernetesNaming.namespace(namespacePrefix, live.uullid());
        return List.of(new EvidenceSection("where the livelesson's logs are", String.join("\n",
                "events: kubectl -n " + ns + " get events --sort-by=.lastTimestamp",
                "pods: kubectl -n " + ns + " get pods -o wide; kubectl -n " + ns + " describe pods",
                "endpoint logs: kubectl -n " + ns + " logs <pod> --all-containers --previous",
                "configuration jobs: kubectl -n " + ns + " logs job/<job>",
                "(set backendConfigs.terraform.keepFailedFor to keep a failed namespace for inspection)")));
    }
}
