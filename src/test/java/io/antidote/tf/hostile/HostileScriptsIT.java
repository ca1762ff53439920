package io.antidote.tf.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antidote.tf.curriculum.LoadResult;
import io.antidote.tf.hostile.HostileCurriculum.Case;
import io.antidote.tf.hostile.ScriptSandbox.Outcome;
import io.antidote.tf.hostile.ScriptSandbox.Step;
import io.antidote.tf.sink.ShellWord;
import io.antidote.tf.stack.docker.DockerStackSynthesizer;
import io.antidote.tf.testing.DockerEngine;
import io.antidote.tf.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated host scripts executed for real, for every case of {@link HostileCurriculum} that validation accepts:
 * the AWS target's user data (rendered as terraform renders it, apply-time values stood in for), then the
 * configuration and teardown it installs, as the SSM association and a destroy run them; and the docker target's
 * {@code up}, {@code configure} and {@code down} exactly as its {@code local-exec} provisioners run them (interpreter,
 * command and environment from the stack). They run as root with bash in a {@link ScriptSandbox}, where every host
 * command is a recorder. No payload's command may run (its canary file), and every script must run to its end. The
 * base curriculum runs, and every case whose scripts are not byte for byte the base's (its directory aside): a case
 * whose payload changes no script cannot make one do anything the base's does not.
 */
class HostileScriptsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ELEMENT = Pattern.compile("\\$\\{element\\(aws_network_interface\\.host_eni"
            + "\\.private_ip_list, ([0-9]+)\\)}");
    private static final Pattern INPUT = Pattern.compile("\\$\\{(?:self|terraform_data\\.host)\\.input\\.([a-z]+)}");
    private static final Pattern STATE = Pattern.compile("(?m)^STATE=(\\S+)$");
    private static final String SANDBOX_IMAGE = "antidotelabs/configurator:latest";
    private static HostileStacks stacks;
    private static Path temp;

    @BeforeAll
    static void open() throws IOException {
        DockerEngine.require();
        DockerEngine.standins(Path.of("examples/curriculum"), "antidotelabs", "latest", "latest");
        stacks = new HostileStacks();
        temp = Files.createTempDirectory("antidote-tf-hostile-scripts-");
    }

    @AfterAll
    static void close() {
        if (stacks != null) {
            stacks.close();
        }
        if (temp != null) {
            TestFiles.deleteTree(temp);
        }
    }

    /**
     * The steps of one accepted case, and what its scripts are (their text with the case's own directory taken
     * out): a case whose scripts are the base curriculum's runs nothing the base's run does not.
     */
    private record Planned(String what, List<Step> steps, String scripts, int configured) {
    }

    @Test
    void noPayloadIsExecutedAndEveryScriptRunsToItsEnd() throws Exception {
        Planned base = base("base");
        List<Planned> planned = new ArrayList<>(List.of(base));
        int accepted = 0;
        int n = 0;
        for (Case c : HostileCurriculum.cases()) {
            Path root = temp.resolve("case-" + n++).resolve("curriculum");
            LoadResult result = c.load(root);
            if (result.clean()) {
                accepted++;
                Planned p = plan(c.toString(), root, result);
                if (!p.scripts().equals(base.scripts())) {
                    planned.add(p);
                }
            }
        }
        assertThat(accepted).as("cases accepted by validation").isGreaterThan(100);
        System.out.println("HostileScriptsIT: scripts of their own: " + planned.stream().skip(1).map(Planned::what)
                .toList());
        assertThat(planned.size() - 1).as("accepted cases whose scripts differ from the base's").isPositive();

        long t0 = System.nanoTime();
        runInTwoSandboxes(planned, true);
        System.out.printf("HostileScriptsIT: %d cases accepted, %d with scripts of their own run (%d steps) with the "
                + "base in %d s%n", accepted, planned.size() - 1, planned.size() * 6,
                (System.nanoTime() - t0) / 1_000_000_000L);
    }

    /** A string field of the model that reaches a host script, set directly (validation bypassed). */
    enum ModelField {
        IMAGE_INTERFACE, IMAGE_SLUG, CONFIG_USER, SSH_USER, ENDPOINT_NAME, CONFIGURATION_FILE, PRESENTATION_NAME,
        LESSON_SLUG, LESSON_NAME, LESSON_DIRECTORY, TAG
    }

    /**
     * The second layer alone: each command payload put straight into the model (no validation), in every field that
     * reaches a host script. The synthesizer either refuses the livelesson or writes scripts that, executed, never
     * run the payload: escaping holds without the grammar.
     */
    @Test
    void escapingAloneKeepsPayloadsDataWhenValidationIsBypassed() throws Exception {
        String baseScripts = base("bypass-base").scripts();
        List<HostileCurriculum.Payload> payloads = HostileCurriculum.payloads().stream().filter(p ->
                p.text().contains("/tmp/hostile-") || p.text().contains("${") || p.text().contains("%{")).toList();
        List<Planned> planned = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        java.util.Set<ModelField> unreached = java.util.EnumSet.noneOf(ModelField.class);
        int n = 0;
        for (ModelField field : ModelField.values()) {
            for (HostileCurriculum.Payload payload : payloads) {
                Path root = TestFiles.copyTree(HostileCurriculum.base(), temp.resolve("bypass-" + n++)
                        .resolve("curriculum"));
                LoadResult loaded = io.antidote.tf.curriculum.CurriculumLoader.load(root);
                String what = payload + " in " + field + " (validation bypassed)";
                Planned p;
                try {
                    io.antidote.tf.lesson.Curriculum hostile = ModelPayloads.set(loaded.curriculum(), field,
                            payload.text());
                    p = plan(what, root, hostile);
                } catch (RuntimeException e) {
                    refused.add(what + ": " + e.getMessage());
                    continue;
                }
                if (p.scripts().equals(baseScripts)) {
                    unreached.add(field);
                } else {
                    planned.add(p);
                }
            }
        }
        System.out.printf("HostileScriptsIT: %d bypass cases run, %d refused by the synthesizer, fields that reach "
                + "no script: %s%n", planned.size(), refused.size(), unreached);
        assertThat(unreached).as("fields that reach the scripts").doesNotContain(ModelField.IMAGE_INTERFACE,
                ModelField.IMAGE_SLUG, ModelField.CONFIG_USER, ModelField.ENDPOINT_NAME,
                ModelField.CONFIGURATION_FILE, ModelField.LESSON_DIRECTORY);
        assertThat(planned).as("bypass cases that synthesized (refused: %s)", refused)
                .hasSizeGreaterThan(payloads.size() * 4);
        runInTwoSandboxes(planned, false);
    }

    /** Runs the cases' steps in two sandboxes side by side (every other case each), then checks them. */
    private static void runInTwoSandboxes(List<Planned> planned, boolean toTheEnd) throws Exception {
        List<List<Planned>> halves = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < planned.size(); i++) {
            halves.get(i % 2).add(planned.get(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Outcome>>> runs = new ArrayList<>();
            for (List<Planned> half : halves) {
                List<Step> steps = half.stream().flatMap(p -> p.steps().stream()).toList();
                runs.add(pool.submit(() -> ScriptSandbox.run(SANDBOX_IMAGE, List.of(temp), steps)));
            }
            for (int h = 0; h < 2; h++) {
                check(halves.get(h), runs.get(h).get(), toTheEnd);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void check(List<Planned> planned, List<Outcome> outcomes, boolean toTheEnd) {
        int i = 0;
        for (Planned p : planned) {
            String what = p.what();
            for (Step step : p.steps()) {
                Outcome o = outcomes.get(i++);
                assertThat(o.canaries()).as("%s, %s: the payload ran%n%s", what, step.name(), o.output()).isEmpty();
                if (!toTheEnd) {
                    continue;
                }
                assertThat(o.exit()).as("%s, %s: ran to its end%n%s", what, step.name(), o.output()).isZero();
                List<List<String>> runs = o.callsOf("docker").stream().filter(a -> a.get(0).equals("run")).toList();
                if (step.name().endsWith("configure")) {
                    assertThat(runs).as("%s, %s: a configurator run per configured endpoint%n%s", what, step.name(),
                            o.output()).hasSize(p.configured());
                }
                if (step.name().endsWith(" up")) {
                    assertThat(runs.stream().filter(a -> a.get(1).equals("-d")))
                            .as("%s, %s: two endpoints and their network holders started%n%s", what, step.name(),
                                    o.output())
                            .hasSize(4);
                }
            }
        }
    }

    /** The base curriculum, copied into {@code dir} of the temporary directory and loaded (cleanly), as a case. */
    private Planned base(String dir) throws IOException {
        Path root = TestFiles.copyTree(HostileCurriculum.base(), temp.resolve(dir).resolve("curriculum"));
        LoadResult result = io.antidote.tf.curriculum.CurriculumLoader.load(root);
        assertThat(result.problems()).isEmpty();
        return plan("the base curriculum", root, result);
    }

    private Planned plan(String what, Path root, LoadResult result) throws IOException {
        return plan(what, root, result.curriculum());
    }

    /** The steps of the case {@code what}: its lesson of {@code curriculum}, whose files are under {@code root}. */
    private Planned plan(String what, Path root, io.antidote.tf.lesson.Curriculum curriculum) throws IOException {
        List<Step> steps = new ArrayList<>();
        // AWS: the user data as the instance runs it, then what the SSM association and a teardown run.
        JsonNode aws = JSON.readTree(stacks.aws(curriculum).json());
        String userData = TemplateSequences.render(aws.at("/locals/user_data").asText(), HostileScriptsIT::applyTime);
        String state = stateDir(userData);
        String name = what;
        steps.add(new Step(name + ": aws user data", "rm -rf /mnt/curriculum\nln -s " + ShellWord.quote(root.toString())
                + " /mnt/curriculum\n", List.of("-c", userData, "user-data"), Map.of()));
        steps.add(new Step(name + ": aws configure", "", List.of(state + "/lesson-host.sh", "configure", "0"), Map.of()));
        steps.add(new Step(name + ": aws down", "", List.of(state + "/lesson-host.sh", "down"), Map.of()));
        // docker: each local-exec provisioner as terraform runs it.
        JsonNode resources = JSON.readTree(stacks.docker(curriculum).json()).at("/resource/terraform_data");
        JsonNode input = resources.at("/host/input");
        String secrets = DockerStackSynthesizer.secretsDir(stacks.dockerConfig()) + "/" + HostileCurriculum.IMAGE;
        String prepare = "mkdir -p " + ShellWord.quote(secrets) + "\nprintf pw >" + ShellWord.quote(secrets
                + "/configPassword") + "\n";
        steps.add(provisioner(name + ": docker up", prepare, resources.get("up"), input));
        steps.add(provisioner(name + ": docker configure", "", resources.get("configure"), input));
        steps.add(provisioner(name + ": docker down", "", resources.get("host"), input));
        String scripts = String.join("\u0000", steps.stream().map(st -> st.bashArgs() + "\u0000" + st.environment())
                .toList()).replace(root.toString(), "<curriculum>");
        int configured = (int) curriculum.lesson(HostileCurriculum.LESSON).orElseThrow().endpoints().stream()
                .filter(e -> e.configurationType() != io.antidote.tf.lesson.ConfigurationType.NONE).count();
        return new Planned(what, steps, scripts, configured);
    }

    /** A terraform_data resource's local-exec provisioner as a step: interpreter + command, its environment. */
    private static Step provisioner(String name, String prepare, JsonNode resource, JsonNode input) {
        JsonNode exec = resource.at("/provisioner/0/local-exec");
        List<String> argv = new ArrayList<>();
        exec.get("interpreter").forEach(a -> argv.add(TemplateSequences.render(a.asText(), HostileScriptsIT::applyTime)));
        argv.add(TemplateSequences.render(exec.get("command").asText(), HostileScriptsIT::applyTime));
        Map<String, String> env = new LinkedHashMap<>();
        exec.get("environment").fields().forEachRemaining(e -> env.put(e.getKey(), TemplateSequences.render(
                e.getValue().asText(), s -> inputValue(s, input))));
        assertThat(argv.get(0)).isEqualTo("/bin/bash");
        return new Step(name, prepare, argv.subList(1, argv.size()), env);
    }

    /** {@code ${self.input.plan}} or {@code ${terraform_data.host.input.script}}: the input's value, rendered. */
    private static String inputValue(String sequence, JsonNode input) {
        Matcher m = INPUT.matcher(sequence);
        assertThat(m.matches()).as("an environment value of the input: %s", sequence).isTrue();
        return TemplateSequences.render(input.get(m.group(1)).asText(), HostileScriptsIT::applyTime);
    }

    /** A stand-in for a value terraform knows only at apply time: the host's addresses, resource IDs. */
    private static String applyTime(String sequence) {
        Matcher m = ELEMENT.matcher(sequence);
        return m.matches() ? "10.0.1." + (10 + Integer.parseInt(m.group(1))) : "sandbox-value";
    }

    private static String stateDir(String userData) {
        Matcher m = STATE.matcher(userData);
        assertThat(m.find()).as("the user data sets STATE").isTrue();
        return m.group(1).replace("'", "");
    }
}
