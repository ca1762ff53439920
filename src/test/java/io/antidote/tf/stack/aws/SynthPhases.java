package io.antidote.tf.stack.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.Token;
import io.antidote.tf.config.AntidoteConfig;
import io.antidote.tf.config.ConfigLoader;
import io.antidote.tf.curriculum.CurriculumLoader;
import io.antidote.tf.dryrun.DryRunSettings;
import io.antidote.tf.dryrun.DryRunStacks;
import io.antidote.tf.lesson.Curriculum;
import io.antidote.tf.lesson.Lesson;
import io.antidote.tf.stack.StackRequest;
import io.antidote.tf.stack.TerraformJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a warm synth's time goes, step by step (docs/performance.md, "Synthesis"): the old path (A: App.synth to
 * disk), in-memory alternatives (B, C), and the cost of single jsii calls. Args: config curriculum [iterations].
 */
public final class SynthPhases {
    private static final Map<String, List<Long>> T = new LinkedHashMap<>();
    private static long t0;

    private static void start() {
        t0 = System.nanoTime();
    }

    private static void lap(String name) {
        long now = System.nanoTime();
        T.computeIfAbsent(name, k -> new ArrayList<>()).add(now - t0);
        t0 = now;
    }

    public static void main(String[] args) throws Exception {
        AntidoteConfig config = ConfigLoader.load(Path.of(args[0]));
        Curriculum curriculum = CurriculumLoader.load(Path.of(args[1])).curriculum();
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Lesson lesson = curriculum.lessons().values().stream()
                .max(Comparator.comparingInt((Lesson l) -> l.endpoints().size() + l.connections().size())).orElseThrow();
        DryRunStacks stacks = new DryRunStacks(config, curriculum, DryRunSettings.defaults(), null);
        StackRequest request = stacks.request(lesson);
        Path outdir = Files.createTempDirectory("phases-");
        ObjectMapper mapper = new ObjectMapper();
        String expected = null;
        for (int i = 0; i < n + 20; i++) {
            if (i == 20) {
                T.clear();
            }
            start();
            LessonInput input = LessonInput.of(request, config, "latest");
            lap("A input (java)");
            Path dir = Files.createTempDirectory(outdir, "synth-");
            App app = new App(AppConfig.builder().outdir(dir.toString()).skipValidation(true).build());
            lap("A new App");
            new LessonStack(app, input);
            lap("A constructs");
            app.synth();
            lap("A app.synth()");
            String raw = Files.readString(dir.resolve("stacks").resolve(input.uullid()).resolve("cdk.tf.json"));
            lap("A read file");
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            lap("A delete dir");
            String json = TerraformJson.canonical(raw);
            lap("A canonical");
            if (expected == null) {
                expected = json;
            }
            // B: in memory, toTerraform
            App app2 = new App(AppConfig.builder().outdir(outdir.toString()).skipValidation(true).build());
            lap("B new App");
            LessonStack stack2 = new LessonStack(app2, input);
            lap("B constructs");
            Object tf = stack2.toTerraform();
            lap("B stack.toTerraform()");
            String json2 = TerraformJson.canonical(mapper.writeValueAsString(tf));
            lap("B jackson write+canonical");
            if (!json2.equals(expected)) {
                throw new IllegalStateException("B differs");
            }
            App app3 = new App(AppConfig.builder().outdir(outdir.toString()).skipValidation(true).build());
            LessonStack stack3 = new LessonStack(app3, input);
            start();
            String s3 = Testing.synth(stack3);
            lap("C Testing.synth(stack)");
            for (int k = 0; k < 10; k++) {
                Token.asString("x" + k);
            }
            lap("D 10 trivial jsii static calls");
            start();
            for (int k = 0; k < 10; k++) {
                stack2.getNode().getId();
            }
            lap("D 10 trivial jsii calls (getNode().getId())");
            App app4 = new App(AppConfig.builder().outdir(outdir.toString()).skipValidation(true).build());
            com.hashicorp.cdktf.TerraformStack st4 = new com.hashicorp.cdktf.TerraformStack(app4, "x");
            lap("E App + plain TerraformStack");
            for (int k = 0; k < 10; k++) {
                com.hashicorp.cdktf.providers.aws.route53_record.Route53Record.Builder.create(st4, "r" + k).zoneId("z")
                        .name("n" + k).type("A").ttl(60).records(List.of("1.2.3.4")).build();
            }
            lap("E 10 Route53Record creates");
            for (int k = 0; k < 10; k++) {
                com.hashicorp.cdktf.TerraformOutput.Builder.create(st4, "o" + k).value("v").staticId(true).build();
            }
            lap("E 10 TerraformOutput creates");
            for (int k = 0; k < 10; k++) {
                st4.addOverride("resource.aws_route53_record.q" + k, Map.of("zone_id", "z", "name", "n" + k, "type", "A",
                        "ttl", 60, "records", List.of("1.2.3.4")));
            }
            lap("E 10 stack.addOverride(resource map)");
            Map<String, Object> big = new LinkedHashMap<>();
            for (int k = 0; k < 10; k++) {
                big.put("p" + k, Map.of("zone_id", "z", "name", "n" + k, "type", "A", "ttl", 60, "records", List.of("1.2.3.4")));
            }
            st4.addOverride("resource.aws_route53_record_x", big);
            lap("E 1 stack.addOverride(10 resources)");
            Testing.synth(st4);
            lap("E Testing.synth small");
        }
        try (var files = Files.walk(outdir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        for (var e : T.entrySet()) {
            List<Long> s = e.getValue().stream().sorted().toList();
            System.out.printf(Locale.ROOT, "%-45s p50 %7.2f ms  p90 %7.2f ms%n", e.getKey(), s.get(s.size() / 2) / 1e6,
                    s.get(s.size() * 9 / 10) / 1e6);
        }
    }
}
