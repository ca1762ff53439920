package io.antidote.tf.stack.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.DockerTargetConfig;
import io.antidote.tf.sink.TerraformString;
import io.antidote.tf.sink.TerraformTemplate;
import io.antidote.tf.stack.FailureEvidence;
import io.antidote.tf.stack.StackException;
import io.antidote.tf.stack.StackOutputs;
import io.antidote.tf.stack.StackRequest;
import io.antidote.tf.stack.StackSynthesizer;
import io.antidote.tf.stack.StackTags;
import io.antidote.tf.stack.SynthesizedStack;
import io.antidote.tf.stack.TerraformJson;
import io.antidote.tf.stack.host.EndpointSpec;
import io.antidote.tf.stack.host.HostAddress;
import io.antidote.tf.stack.host.HostPlan;
import io.antidote.tf.stack.host.HostSettings;
import io.antidote.tf.stack.host.LessonHostScript;
import io.antidote.tf.stack.host.PlanFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The docker target: terraform runs the lesson host script on the machine it runs on, with built-in resources only
 * (design: docs/docker.md). Per livelesson:
 *
 * <ul>
 *   <li>{@code terraform_data.host}: input {@code {plan, script}} (the plan text and the script, data); its
 *       destroy-time {@code local-exec} runs {@code lesson-host.sh down}. It has no create-time provisioner, so it is
 *       never tainted and its teardown always runs on destroy, also after a failed {@code up};</li>
 *   <li>{@code terraform_data.up}: runs {@code lesson-host.sh up} (isolation, networks, /antidote, containers);</li>
 *   <li>with configuration, {@code terraform_data.configure}: runs {@code lesson-host.sh configure <stage>}, replaced
 *       whenever the stage changes (as the SSM association is on AWS);</li>
 *   <li>the output contract: each endpoint at its loopback address ({@link LoopbackAddresses}), no HTTP routes (HTTP
 *       presentations answer at the endpoint's address), {@code host_id} the host resource's ID, no zone.</li>
 * </ul>
 * The script runs as {@code bash -c 'eval "${ANTIDOTE_LESSON_HOST}"' lesson-host <action>} with its text in
 * {@code ANTIDOTE_LESSON_HOST} and the plan in {@code ANTIDOTE_LESSON_PLAN}.
 * Deterministic: same request, same bytes.
 */
public final class DockerStackSynthesizer implements StackSynthesizer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOST = "host";
    private static final String UP = "up";
    private static final String CONFIGURE = "configure";
    /** What bash runs: the script from the environment (a Terraform string: its dollar-brace is escaped). */
    private static final String RUN_SCRIPT = TerraformString.literal("eval \"${" + LessonHostScript.SCRIPT_VARIABLE + "}\"");
    private final AntidoteConfig config;
    private final String imageVersion;

    /** @param buildInfo must hold {@code imageVersion} (the configurator and jupyter images' tag) */
    public DockerStackSynthesizer(AntidoteConfig config, Map<String, String> buildInfo) {
        String version = buildInfo.get("imageVersion");
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("buildInfo.imageVersion is required (tag of antidotelabs/configurator)");
        }
        this.config = config;
        this.imageVersion = version;
    }

    private DockerTargetConfig docker() {
        return config.backendConfigs().terraform().docker();
    }

    /** Where the target keeps the images' configuration passwords of this instance (mode 0700, files 0600). */
    public static Path secretsDir(AntidoteConfig config) {
        return Path.of(config.backendConfigs().terraform().docker().hostDir(), "secrets", config.instanceId());
    }

    @Override
    public FailureEvidence evidence() {
        return new DockerEvidence(Path.of(docker().hostDir(), "livelessons"));
    }

    @Override
    public SynthesizedStack synth(StackRequest request) {
        String uullid = request.stackName();
        HostPlan plan = HostPlan.of(request, config.imageOrg(), config.curriculumVersion());
        if (plan.endpoints().size() > LoopbackAddresses.MAX_ENDPOINTS) {
            throw new StackException(uullid, plan.endpoints().size() + " endpoints: the docker target runs at most "
                    + LoopbackAddresses.MAX_ENDPOINTS);
        }
        Path lessonSource = config.curriculumDir().toAbsolutePath().normalize().resolve(request.lesson().directory());
        HostSettings settings = new HostSettings(uullid,
                Path.of(docker().hostDir(), "livelessons", uullid).toString(), lessonSource.toString(),
                secretsDir(config).toString(), "", "antidotelabs/configurator:" + imageVersion, config.allowEgress(),
                config.alwaysPull(), StackTags.of(request.liveLesson()));
        TerraformTemplate planText = PlanFile.render(plan, settings,
                i -> new HostAddress.Literal(LoopbackAddresses.of(uullid, i)));

        ObjectNode root = JSON.createObjectNode();
        ObjectNode data = root.putObject("resource").putObject("terraform_data");
        ObjectNode host = data.putObject(HOST);
        host.putObject("input").put("plan", planText.toString())
                .put("script", TerraformString.literal(LessonHostScript.text()));
        ObjectNode down = action(host, "self.input", List.of("down"));
        down.put("when", "destroy");

        ObjectNode up = data.putObject(UP);
        up.putArray("depends_on").add("terraform_data." + HOST);
        up.put("triggers_replace", "${terraform_data." + HOST + ".id}");
        action(up, "terraform_data." + HOST + ".input", List.of("up"));

        if (request.configure()) {
            int stage = request.liveLesson().stage();
            ObjectNode configure = data.putObject(CONFIGURE);
            configure.putArray("depends_on").add("terraform_data." + UP);
            configure.putArray("triggers_replace").add(String.valueOf(stage)).add("${terraform_data." + UP + ".id}");
            action(configure, "terraform_data." + HOST + ".input", List.of("configure", String.valueOf(stage)));
        }

        ObjectNode outputs = root.putObject("output");
        ObjectNode addresses = outputs.putObject(StackOutputs.ENDPOINT_ADDRESSES).putObject("value");
        for (EndpointSpec ep : plan.endpoints()) {
            addresses.put(TerraformString.literal(ep.name()), LoopbackAddresses.of(uullid, ep.index()));
        }
        outputs.putObject(StackOutputs.STAGE).put("value", String.valueOf(request.liveLesson().stage()));
        outputs.putObject(StackOutputs.HTTP_ROUTES).putObject("value");
        outputs.putObject(StackOutputs.HOST_ID).put("value", "${terraform_data." + HOST + ".id}");
        outputs.putObject(StackOutputs.ZONE_ID).put("value", "");
        return new SynthesizedStack(uullid, TerraformJson.canonical(root.toString()));
    }

    /**
     * A {@code local-exec} provisioner on {@code resource} running {@code lesson-host.sh <action words>} with the
     * script and plan of {@code input} (an expression: {@code self.input} at destroy time, when only self may be
     * referenced), both passed in the environment: terraform prints its interpreter and command, which stay short.
     * Terraform appends the command as one argument, so the last action word is the command.
     */
    private static ObjectNode action(ObjectNode resource, String input, List<String> words) {
        ObjectNode exec = resource.withArray("provisioner").addObject().putObject("local-exec");
        ArrayNode interpreter = exec.putArray("interpreter");
        interpreter.add("/bin/bash").add("-c").add(RUN_SCRIPT).add(LessonHostScript.NAME);
        words.subList(0, words.size() - 1).forEach(interpreter::add);
        exec.put("command", words.get(words.size() - 1));
        exec.putObject("environment").put(LessonHostScript.PLAN_VARIABLE, "${" + input + ".plan}")
                .put(LessonHostScript.SCRIPT_VARIABLE, "${" + input + ".script}");
        return exec;
    }

    @Override
    public void close() {
        // holds nothing
    }
}
