package io.antidote.tf.dryrun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antidote.tf.terraform.Workspaces;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a batch root, one root module planning several stacks as child modules:
 * <pre>
 * main.tf.json                  terraform.required_providers (the group's, the same for every stack in it) and the
 *                               provider configurations several stacks have alike (one each, however many use it)
 * lesson-&lt;key&gt;.tf.json         module "&lt;key&gt;" { source = "./stacks/&lt;key&gt;", providers = { aws = aws } }
 *                               and the stack's provider configurations no other stack has, each with
 *                               alias = "&lt;key&gt;" (then providers = { aws = aws.&lt;key&gt; })
 * stacks/&lt;key&gt;/cdk.tf.json     the stack without its provider configurations (its outputs stay there)
 * </pre>
 * Terraform runs one provider process per configuration: the AWS stacks of one instance have the same
 * configuration (the livelesson's tags are on its resources), so a root of them loads the provider once. Everything
 * a lesson adds to the root is in its own two places, so each diagnostic terraform reports about it names its
 * lesson: by the file of its source range ({@code stacks/<key>/...} or {@code lesson-<key>.tf.json}) or by its
 * address ({@code module.<key>.…}, {@code provider["…"].<key>}). A shared configuration's diagnostics name none.
 */
final class BatchRoot {
    static final String MAIN = "main.tf.json";
    static final String MODULES = "stacks";
    /** The alias prefix of a provider configuration several lessons share, beyond the first. */
    static final String SHARED = "Shared";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern FILE = Pattern.compile("(?:\\./)?(?:" + MODULES + "/([^/]+)/.*|lesson-([^/]+)\\.tf\\.json)");
    private static final Pattern MODULE_ADDRESS = Pattern.compile("module\\.([A-Za-z0-9_-]+)(?:[.\\[].*)?");
    private static final Pattern PROVIDER_ADDRESS = Pattern.compile("provider\\[\"[^\"]*\"\\]\\.([A-Za-z0-9_-]+)");

    private BatchRoot() {
    }

    /** Writes into {@code dir} the root that plans {@code modules}, which share {@code requirements}. */
    static void write(Path dir, JsonNode requirements, Collection<StackModule> modules) throws IOException {
        ObjectNode main = mainFile(requirements);
        Map<String, Map<ObjectNode, String>> shared = sharedConfigurations(modules, main);
        write(dir.resolve(MAIN), main);
        for (StackModule m : modules) {
            ObjectNode call = JSON.createObjectNode();
            ObjectNode module = call.putObject("module").putObject(m.key());
            module.put("source", "./" + MODULES + "/" + m.key());
            ObjectNode passed = JSON.createObjectNode();
            m.requirements().fieldNames().forEachRemaining(name -> passed.put(name, name));
            for (Map.Entry<String, ObjectNode> p : m.providers().entrySet()) {
                String alias = shared.getOrDefault(p.getKey(), Map.of()).get(p.getValue());
                if (alias == null) {
                    ObjectNode config = p.getValue().deepCopy();
                    config.put("alias", m.key());
                    call.withObjectProperty("provider").withArrayProperty(p.getKey()).add(config);
                    alias = m.key();
                }
                passed.put(p.getKey(), alias.isEmpty() ? p.getKey() : p.getKey() + "." + alias);
            }
            if (!passed.isEmpty()) {
                module.set("providers", passed);
            }
            write(dir.resolve(lessonFile(m.key())), call);
            Path moduleDir = Files.createDirectories(dir.resolve(MODULES).resolve(m.key()));
            write(moduleDir.resolve("cdk.tf.json"), m.module());
        }
    }

    /**
     * The provider configurations two or more of {@code modules} have alike, written into {@code main}: per provider,
     * the first such configuration as the provider's default (alias ""), any other under the alias
     * {@code Shared<n>} (a module key never has a capital letter). One configuration runs one provider process for
     * all its modules, which is what makes a batch root cheaper than planning each stack. A diagnostic of a shared
     * configuration names no lesson ({@link Attribution}), so its lessons are planned on their own.
     *
     * @return per provider local name, each shared configuration's alias
     */
    private static Map<String, Map<ObjectNode, String>> sharedConfigurations(Collection<StackModule> modules,
            ObjectNode main) {
        Map<String, Map<ObjectNode, String>> aliases = new TreeMap<>();
        StackModule.configurationUses(modules).forEach((name, configs) -> configs.forEach((config, count) -> {
            if (count < 2) {
                return;
            }
            Map<ObjectNode, String> of = aliases.computeIfAbsent(name, n -> new LinkedHashMap<>());
            String alias = of.isEmpty() ? "" : SHARED + of.size();
            ObjectNode written = config.deepCopy();
            if (!alias.isEmpty()) {
                written.put("alias", alias);
            }
            main.withObjectProperty("provider").withArrayProperty(name).add(written);
            of.put(config, alias);
        }));
        return aliases;
    }

    /**
     * Writes into {@code dir} the root {@code terraform init} runs on for a group: its requirements and a module
     * call per key whose module only declares them. What init makes of it (the providers, the lock file, the
     * module manifest) serves every root later written by {@link #write} for any of those keys: the module sources
     * are the same, and a manifest entry of a module a root does not call is ignored.
     */
    static void writeInitRoot(Path dir, JsonNode requirements, Collection<String> keys) throws IOException {
        writeMain(dir, requirements);
        ObjectNode placeholder = JSON.createObjectNode();
        if (!requirements.isEmpty()) {
            placeholder.putObject("terraform").set("required_providers", requirements);
        }
        for (String key : keys) {
            ObjectNode call = JSON.createObjectNode();
            call.putObject("module").putObject(key).put("source", "./" + MODULES + "/" + key);
            write(dir.resolve(lessonFile(key)), call);
            write(Files.createDirectories(dir.resolve(MODULES).resolve(key)).resolve("cdk.tf.json"), placeholder);
        }
    }

    /** Takes lesson {@code key} out of the root in {@code dir}. */
    static void remove(Path dir, String key) throws IOException {
        Files.deleteIfExists(dir.resolve(lessonFile(key)));
        Workspaces.deleteTree(dir.resolve(MODULES).resolve(key));
    }

    /** The lesson whose part of a root a diagnostic's file ({@code range.filename}) is, if any. */
    static Optional<String> keyOfFile(String file) {
        Matcher m = FILE.matcher(file);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) != null ? m.group(1) : m.group(2));
    }

    /** The lesson a diagnostic's address is in ({@code module.<key>...} or a provider configuration's alias). */
    static Optional<String> keyOfAddress(String address) {
        Matcher module = MODULE_ADDRESS.matcher(address);
        if (module.matches()) {
            return Optional.of(module.group(1));
        }
        Matcher provider = PROVIDER_ADDRESS.matcher(address);
        return provider.matches() ? Optional.of(provider.group(1)) : Optional.empty();
    }

    static String lessonFile(String key) {
        return "lesson-" + key + ".tf.json";
    }

    private static void writeMain(Path dir, JsonNode requirements) throws IOException {
        write(dir.resolve(MAIN), mainFile(requirements));
    }

    private static ObjectNode mainFile(JsonNode requirements) {
        ObjectNode main = JSON.createObjectNode();
        if (!requirements.isEmpty()) {
            main.putObject("terraform").set("required_providers", requirements);
        }
        return main;
    }

    private static void write(Path file, JsonNode json) throws IOException {
        try {
            Files.writeString(file, JSON.writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
