package io.antidote.tf.stack.kubernetes;

import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.kubernetes.JobV1;
import com.hashicorp.cdktf.providers.kubernetes.JobV1Metadata;
import com.hashicorp.cdktf.providers.kubernetes.JobV1Spec;
import com.hashicorp.cdktf.providers.kubernetes.JobV1SpecTemplate;
import com.hashicorp.cdktf.providers.kubernetes.JobV1SpecTemplateMetadata;
import com.hashicorp.cdktf.providers.kubernetes.JobV1SpecTemplateSpec;
import com.hashicorp.cdktf.providers.kubernetes.JobV1SpecTemplateSpecContainer;
import com.hashicorp.cdktf.providers.kubernetes.JobV1SpecTemplateSpecContainerEnv;
import com.hashicorp.cdktf.providers.kubernetes.JobV1SpecTemplateSpecContainerEnvValueFrom;
import com.hashicorp.cdktf.providers.kubernetes.JobV1SpecTemplateSpecContainerEnvValueFromSecretKeyRef;
import com.hashicorp.cdktf.providers.kubernetes.JobV1SpecTemplateSpecContainerVolumeMount;
import com.hashicorp.cdktf.providers.kubernetes.JobV1SpecTemplateSpecImagePullSecrets;
import com.hashicorp.cdktf.providers.kubernetes.JobV1SpecTemplateSpecInitContainer;
import com.hashicorp.cdktf.providers.kubernetes.JobV1SpecTemplateSpecInitContainerVolumeMount;
import com.hashicorp.cdktf.providers.kubernetes.JobV1SpecTemplateSpecVolume;
import com.hashicorp.cdktf.providers.kubernetes.JobV1SpecTemplateSpecVolumeEmptyDir;
import com.hashicorp.cdktf.providers.kubernetes.JobV1SpecTemplateSpecVolumeHostPath;
import com.hashicorp.cdktf.providers.kubernetes.JobV1SpecTemplateSpecVolumePersistentVolumeClaim;
import com.hashicorp.cdktf.providers.kubernetes.JobV1Timeouts;
import io.antidote.tf.sink.ContainerArgument;
import io.antidote.tf.stack.Configurator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stage's configuration: one {@code kubernetes_job_v1} per configured endpoint, {@code config-<endpoint>-<stage>},
 * as the reference's (backoff limit 3, labels {@code jobType=config}, {@code configPod=yes}, the configurator image
 * and command per type, {@code ANTIDOTE_TARGET_*} in its environment). Terraform waits for each to complete
 * ({@code wait_for_completion}; a failed job fails the apply), and replaces them all when the stage changes
 * ({@code replace_triggered_by} the stage's {@code terraform_data}). The password comes from the copied secret,
 * never from the stack.
 */
final class Jobs {
    static final String JOB_V1 = "kubernetes_job_v1";
    static final int BACKOFF_LIMIT = 3;
    static final String HOST = "ANTIDOTE_TARGET_HOST";
    static final String USERNAME = "ANTIDOTE_TARGET_USERNAME";
    static final String PASSWORD = "ANTIDOTE_TARGET_PASSWORD";

    private Jobs() {
    }

    static String resourceName(PodPlan pod) {
        return "configure_" + pod.resourceSuffix();
    }

    /**
     * @param host the endpoint's address (its service's ClusterIP reference)
     * @param dependsOn what the job waits for (the endpoint's pod, the passwords' secret)
     */
    static void create(TerraformStack stack, LessonPlan plan, PodPlan pod, String namespace, String host,
            String stageTrigger, List<String> dependsOn) {
        String stage = String.valueOf(plan.stage());
        Map<String, String> jobLabels = new LinkedHashMap<>();
        jobLabels.put("antidoteManaged", "yes");
        jobLabels.put("jobType", "config");
        jobLabels.put("stageId", stage);
        Map<String, String> podLabels = new LinkedHashMap<>();
        podLabels.put("antidoteManaged", "yes");
        podLabels.put("configPod", "yes");
        podLabels.put("stageId", stage);
        String timeout = plan.k8s().configurationTimeoutSeconds() + "s";
        JobV1.Builder.create(stack, resourceName(pod))
                .metadata(JobV1Metadata.builder().name(Text.lit(pod.jobName())).namespace(namespace).labels(jobLabels)
                        .build())
                .spec(JobV1Spec.builder().backoffLimit(BACKOFF_LIMIT).template(JobV1SpecTemplate.builder()
                        .metadata(JobV1SpecTemplateMetadata.builder().labels(podLabels).build())
                        .spec(templateSpec(plan, pod, host)).build()).build())
                .waitForCompletion(true)
                .timeouts(JobV1Timeouts.builder().create(timeout).update(timeout).build())
                .lifecycle(TerraformResourceLifecycle.builder().replaceTriggeredBy(List.of(stageTrigger)).build())
                .build()
                .addOverride("depends_on", dependsOn);
    }

    /** The configurator's command line, every curriculum text escaped for the kubelet and terraform. */
    static List<String> command(LessonPlan plan, PodPlan pod, String host) {
        String file = Text.arg(Configurator.file(plan.stage(), pod.configurationFile()));
        String driver = Text.arg(Configurator.napalmDriver(pod.configurationFile()));
        return Configurator.command(pod.configurationType(), file, driver, host, ContainerArgument.variable(USERNAME),
                ContainerArgument.variable(PASSWORD));
    }

    private static JobV1SpecTemplateSpec templateSpec(LessonPlan plan, PodPlan pod, String host) {
        List<JobV1SpecTemplateSpecContainerEnv> env = new ArrayList<>();
        env.add(JobV1SpecTemplateSpecContainerEnv.builder().name(HOST).value(host).build());
        env.add(JobV1SpecTemplateSpecContainerEnv.builder().name(USERNAME).value(Text.arg(pod.configUser())).build());
        env.add(JobV1SpecTemplateSpecContainerEnv.builder().name(PASSWORD).valueFrom(
                JobV1SpecTemplateSpecContainerEnvValueFrom.builder().secretKeyRef(
                        JobV1SpecTemplateSpecContainerEnvValueFromSecretKeyRef.builder()
                                .name(Text.lit(plan.k8s().configPasswordSecret())).key(Text.lit(pod.imageSlug()))
                                .build()).build()).build());
        env.add(JobV1SpecTemplateSpecContainerEnv.builder().name("ANSIBLE_HOST_KEY_CHECKING").value("False").build());
        JobV1SpecTemplateSpecContainer container = JobV1SpecTemplateSpecContainer.builder().name("configurator")
                .image(Text.lit(plan.configuratorImage())).imagePullPolicy(PodShape.pullPolicy(plan))
                .command(command(plan, pod, host)).env(env)
                .volumeMount(List.of(JobV1SpecTemplateSpecContainerVolumeMount.builder().name(PodShape.ANTIDOTE_VOLUME)
                        .mountPath(PodShape.ANTIDOTE_MOUNT).build())).build();
        JobV1SpecTemplateSpecInitContainer init = JobV1SpecTemplateSpecInitContainer.builder()
                .name(PodShape.INIT_CONTAINER).image(Text.lit(plan.k8s().initImage()))
                .imagePullPolicy(PodShape.pullPolicy(plan)).command(Text.args(PodShape.initCommand(plan)))
                .volumeMount(List.of(JobV1SpecTemplateSpecInitContainerVolumeMount.builder()
                                .name(PodShape.CURRICULUM_VOLUME).mountPath(PodShape.CURRICULUM_MOUNT).readOnly(true).build(),
                        JobV1SpecTemplateSpecInitContainerVolumeMount.builder().name(PodShape.ANTIDOTE_VOLUME)
                                .mountPath(PodShape.ANTIDOTE_MOUNT).build())).build();
        JobV1SpecTemplateSpecVolume curriculum = plan.k8s().curriculumVolume().persistentVolumeClaim()
                ? JobV1SpecTemplateSpecVolume.builder().name(PodShape.CURRICULUM_VOLUME).persistentVolumeClaim(
                        JobV1SpecTemplateSpecVolumePersistentVolumeClaim.builder().claimName(PodShape.CLAIM).readOnly(true)
                                .build()).build()
                : JobV1SpecTemplateSpecVolume.builder().name(PodShape.CURRICULUM_VOLUME).hostPath(
                        JobV1SpecTemplateSpecVolumeHostPath.builder().path(Text.lit(plan.curriculumPath()))
                                .type("Directory").build()).build();
        JobV1SpecTemplateSpec.Builder spec = JobV1SpecTemplateSpec.builder().restartPolicy("Never")
                .automountServiceAccountToken(false)
                .initContainer(List.of(init)).container(List.of(container))
                .volume(List.of(curriculum, JobV1SpecTemplateSpecVolume.builder().name(PodShape.ANTIDOTE_VOLUME)
                        .emptyDir(JobV1SpecTemplateSpecVolumeEmptyDir.builder().build()).build()));
        if (!plan.k8s().pullCredName().isEmpty()) {
            spec.imagePullSecrets(List.of(JobV1SpecTemplateSpecImagePullSecrets.builder()
                    .name(Text.lit(plan.k8s().pullCredName())).build()));
        }
        return spec.build();
    }
}
