package io.antidote.tf.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A synthesized stack taken apart for a batch root: the stack as a child module (everything but its provider
 * configurations) and, per provider, its one configuration, which moves to the root (shared with the other stacks
 * that have it alike, else under the lesson's alias) and is passed back in through the module call's
 * {@code providers} map (a module with provider blocks of its own is a legacy module, one provider process each).
 *
 * <p>A stack can be a module only when nothing in it is reserved to a root module or would change meaning in a
 * child: no {@code module} calls (their relative sources), no {@code import} blocks (root only), no
 * {@code terraform.backend} or {@code cloud}, no variable without a default (a module call would have to set it),
 * and no aliased provider configuration (the module would have to declare {@code configuration_aliases}).
 * Such a stack is planned on its own, as in the per-stack mode.
 *
 * @param stack the lesson's stack
 * @param key the module's name ({@link ModuleKeys})
 * @param requirements the stack's {@code terraform.required_providers} (an empty object when it has none): stacks
 *        with equal requirements share one {@code terraform init}
 * @param module the module's Terraform JSON (the stack without {@code provider})
 * @param providers each configured provider's configuration block, by provider local name
 * @param resources how many resource blocks the stack has (a cost estimate for balancing roots)
 */
record StackModule(LessonStack stack, String key, JsonNode requirements, ObjectNode module,
        Map<String, ObjectNode> providers, int resources) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The stack as a module, or empty when it has to be planned on its own ({@link #whyNot} says why). */
    static Optional<StackModule> of(LessonStack stack, String key) {
        ObjectNode root = parse(stack.stack().json());
        if (root == null || whyNot(root).isPresent()) {
            return Optional.empty();
        }
        Map<String, ObjectNode> providers = new TreeMap<>();
        JsonNode blocks = root.path("provider");
        for (var it = blocks.fields(); it.hasNext();) {
            var e = it.next();
            providers.put(e.getKey(), (ObjectNode) single(e.getValue()));
        }
        ObjectNode module = root.deepCopy();
        module.remove("provider");
        int resources = 0;
        for (JsonNode type : root.path("resource")) {
            resources += type.size();
        }
        return Optional.of(new StackModule(stack, key, requirements(root), module, providers, Math.max(1, resources)));
    }

    /**
     * How many of {@code modules} have each provider configuration: per provider local name, each configuration
     * (compared as JSON) and its count, in the order of first use.
     */
    static Map<String, Map<ObjectNode, Integer>> configurationUses(Collection<StackModule> modules) {
        Map<String, Map<ObjectNode, Integer>> uses = new TreeMap<>();
        for (StackModule m : modules) {
            m.providers().forEach((name, config) -> uses.computeIfAbsent(name, n -> new LinkedHashMap<>())
                    .merge(config, 1, Integer::sum));
        }
        return uses;
    }

    /** Why a stack's JSON cannot be a child module, or empty when it can. */
    static Optional<String> whyNot(ObjectNode root) {
        JsonNode terraform = root.path("terraform");
        if (root.has("module")) {
            return Optional.of("it calls modules");
        }
        if (root.has("import")) {
            return Optional.of("it has import blocks");
        }
        if (terraform.has("backend") || terraform.has("cloud")) {
            return Optional.of("it configures a backend");
        }
        for (JsonNode variable : root.path("variable")) {
            if (!variable.has("default")) {
                return Optional.of("it has a variable without a default");
            }
        }
        JsonNode blocks = root.path("provider");
        if (!blocks.isMissingNode() && !blocks.isObject()) {
            return Optional.of("its provider blocks are not an object");
        }
        for (JsonNode config : blocks) {
            JsonNode one = single(config);
            if (one == null || !one.isObject()) {
                return Optional.of("it has several (or no) configurations of one provider");
            }
            if (one.has("alias")) {
                return Optional.of("it has an aliased provider configuration");
            }
        }
        return Optional.empty();
    }

    /** The stack's {@code terraform.required_providers}, or an empty object. */
    static JsonNode requirements(ObjectNode root) {
        JsonNode required = root.path("terraform").path("required_providers");
        return required.isObject() ? required : JSON.createObjectNode();
    }

    /** The stack's requirements, or empty when its JSON is not an object. */
    static Optional<JsonNode> requirementsOf(String stackJson) {
        ObjectNode root = parse(stackJson);
        return root == null ? Optional.empty() : Optional.of(requirements(root));
    }

    /** A block given as an object or as an array of exactly one object; null otherwise. */
    private static JsonNode single(JsonNode block) {
        if (block.isObject()) {
            return block;
        }
        return block.isArray() && block.size() == 1 && block.get(0).isObject() ? block.get(0) : null;
    }

    private static ObjectNode parse(String json) {
        try {
            return JSON.readTree(json) instanceof ObjectNode o ? o : null;
        } catch (IOException e) {
            return null;
        }
    }
}
