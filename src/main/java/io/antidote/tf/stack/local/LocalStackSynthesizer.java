package io.antidote.tf.stack.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antidote.tf.config.LocalTargetConfig;
import io.antidote.tf.live.LiveEndpoint;
import io.antidote.tf.live.LiveLesson;
import io.antidote.tf.sink.ShellWord;
import io.antidote.tf.sink.TerraformString;
import io.antidote.tf.stack.FailureEvidence;
import io.antidote.tf.stack.StackOutputs;
import io.antidote.tf.stack.StackRequest;
import io.antidote.tf.stack.StackSynthesizer;
import io.antidote.tf.stack.StackTags;
import io.antidote.tf.stack.SynthesizedStack;
import io.antidote.tf.stack.TerraformJson;
import java.util.ArrayList;
import java.util.List;

/**
 * The local target: a livelesson as a stack of built-in resources only ({@code terraform_data}, {@code local-exec},
 * outputs), so the whole lifecycle runs with the real terraform and no provider. Same output contract as the AWS
 * target ({@link StackOutputs}). Per livelesson:
 *
 * <ul>
 *   <li>{@code terraform_data.host} (input: the UULLID and the livelesson's tags): {@code host_id} is its ID;</li>
 *   <li>one {@code terraform_data.endpoint_<name>} per endpoint, in lesson order (each depends on the previous),
 *       input {@code {name, image, ports, address}}, where address is {@code local.address}; when
 *       {@code local.hooks} has a command for the endpoint's image, a {@code local-exec} runs it at creation;</li>
 *   <li>when the request asks for configuration, one {@code terraform_data.configure_<name>} per endpoint with a
 *       configuration type, {@code triggers_replace} = the stage (so a new stage replaces it and runs it again),
 *       in lesson order (each depends on every endpoint and the previous one), whose {@code local-exec} appends
 *       {@code <endpoint> stage <N> <type> <file>} to {@value #CONFIGURATION_LOG}
 *       in the stack's directory;</li>
 *   <li>{@code http_routes}: listener 0 and a priority per HTTP presentation, unique among the request's routing
 *       claims ({@link LocalRoutes}); {@code zone_id} is empty.</li>
 * </ul>
 * Every string from the livelesson goes through {@link TerraformString#literal} (and a shell word through
 * {@link ShellWord#quote}), so terraform evaluates no template but the stack's own references.
 * Deterministic: keys sorted, same request, same bytes. Nothing is started: whatever listens at the address on the
 * endpoints' ports is what readiness finds.
 */
public final class LocalStackSynthesizer implements StackSynthesizer {
    /** The file (in the stack's directory) the configuration resources append to. */
    public static final String CONFIGURATION_LOG = "configuration.log";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LocalTargetConfig config;

    public LocalStackSynthesizer(LocalTargetConfig config) {
        this.config = config;
    }

    @Override
    public FailureEvidence evidence() {
        return new LocalEvidence();
    }

    @Override
    public SynthesizedStack synth(StackRequest request) {
        LiveLesson live = request.liveLesson();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode data = root.putObject("resource").putObject("terraform_data");
        ObjectNode host = data.putObject("host").putObject("input");
        host.put("uullid", literal(live.uullid()));
        ObjectNode tags = host.putObject("tags");
        StackTags.of(live).forEach((k, v) -> tags.put(k, literal(v)));
        ObjectNode addresses = JSON.createObjectNode();
        List<String> endpointRefs = new ArrayList<>();
        for (LiveEndpoint ep : live.liveEndpoints().values()) {
            String name = "endpoint_" + ep.name();
            ObjectNode res = data.putObject(name);
            ObjectNode input = res.putObject("input");
            input.put("name", literal(ep.name())).put("image", literal(ep.image()))
                    .put("address", literal(config.address()));
            ep.ports().forEach(input.putArray("ports")::add);
            if (!endpointRefs.isEmpty()) {
                res.putArray("depends_on").add(endpointRefs.get(endpointRefs.size() - 1));
            }
            String hook = config.hooks().get(ep.image());
            if (hook != null) {
                localExec(res, hook);
            }
            endpointRefs.add("terraform_data." + name);
            addresses.put(ep.name(), "${terraform_data." + name + ".output.address}");
        }
        if (request.configure()) {
            configuration(data, live, endpointRefs);
        }
        ObjectNode outputs = root.putObject("output");
        outputs.putObject(StackOutputs.ENDPOINT_ADDRESSES).set("value", addresses);
        outputs.putObject(StackOutputs.STAGE).put("value", String.valueOf(live.stage()));
        ObjectNode routes = outputs.putObject(StackOutputs.HTTP_ROUTES).putObject("value");
        LocalRoutes.assign(request).forEach(routes::put);
        outputs.putObject(StackOutputs.HOST_ID).put("value", "${terraform_data.host.id}");
        outputs.putObject(StackOutputs.ZONE_ID).put("value", "");
        return new SynthesizedStack(request.stackName(), TerraformJson.canonical(root.toString()));
    }

    private static void configuration(ObjectNode data, LiveLesson live, List<String> endpointRefs) {
        String previous = null;
        for (LiveEndpoint ep : live.liveEndpoints().values()) {
            if (ep.configurationType() == io.antidote.tf.lesson.ConfigurationType.NONE) {
                continue;
            }
            ObjectNode res = data.putObject("configure_" + ep.name());
            String line = ep.name() + " stage " + live.stage() + " " + ep.configurationType().id() + " "
                    + ep.configurationFile();
            res.putObject("input").put("endpoint", literal(ep.name())).put("stage", live.stage())
                    .put("type", ep.configurationType().id()).put("file", literal(ep.configurationFile()));
            res.put("triggers_replace", String.valueOf(live.stage()));
            var dependsOn = res.putArray("depends_on");
            endpointRefs.forEach(dependsOn::add);
            if (previous != null) {
                dependsOn.add(previous);
            }
            previous = "terraform_data.configure_" + ep.name();
            localExec(res, "printf '%s\\n' " + ShellWord.quote(line) + " >> " + CONFIGURATION_LOG);
        }
    }

    /** A local-exec provisioner running {@code command}, which terraform must not read as a template. */
    private static void localExec(ObjectNode resource, String command) {
        resource.putArray("provisioner").addObject().putObject("local-exec").put("command", literal(command));
    }

    private static String literal(String text) {
        return TerraformString.literal(text);
    }

    @Override
    public void close() {
        // holds nothing
    }
}
