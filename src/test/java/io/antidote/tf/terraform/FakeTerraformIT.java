package io.antidote.tf.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runner against fake terraform scripts: junk output, bad versions, bad documents, caps and cache locks. */
class FakeTerraformIT {
    RunnerFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new RunnerFixture();
    }

    @AfterEach
    void nothingLeft() throws Exception {
        fx.assertNothingLeft();
    }

    private static final String PLAN_BODY = """
            for a in "$@"; do case "$a" in -out=*) : > "${a#-out=}";; esac; done
            echo 'this line is not JSON'
            echo '{"@level":"info","@message":"Terraform 1.11.4","type":"version","terraform":"1.11.4","ui":"1.2"}'
            echo '{"broken json'
            echo '{"@level":"info","@message":"new","type":"type_from_the_future","extra":{"x":1}}'
            echo '{"@level":"info","@message":"Plan: 1 to add","type":"change_summary","changes":{"add":1,"change":0,"import":0,"remove":0,"operation":"plan"},"new_field":true}'
            exit 2
            """;

    @Test
    void junkLinesAndUnknownTypesAreToleratedAndTheSummaryIsRead() throws Exception {
        Path bin = fx.fakeBinary("terraform", "1.11.4", PLAN_BODY);
        Terraform tf = fx.open(RunnerFixture.config(bin.toString(), fx.workDir, 2, null, 60, 2, 60));
        Workspace ws = tf.workspaces().open(new StackId("inst", "junk"));
        SavedPlan plan = tf.plan(ws, null);
        assertThat(plan.summary()).isEqualTo(new PlanSummary(1, 0, 0, 0, "plan"));
        assertThat(fx.events).hasAtLeastOneElementOfType(TerraformEvent.Junk.class)
                .hasAtLeastOneElementOfType(TerraformEvent.Other.class)
                .hasAtLeastOneElementOfType(TerraformEvent.Version.class);
        assertThat(fx.events.stream().filter(e -> e instanceof TerraformEvent.Junk).count()).isEqualTo(2);
        tf.workspaces().remove(ws);
    }

    @Test
    void aVersionTooOldIsRefusedNamingTheVersion() throws Exception {
        Path bin = fx.fakeBinary("terraform", "1.4.6", "exit 0");
        assertThatThrownBy(() -> fx.open(RunnerFixture.config(bin.toString(), fx.workDir, 2, null, 60, 2, 60)))
                .isInstanceOf(TerraformVersionException.class).hasMessageContaining("1.4.6")
                .hasMessageContaining(">= 1.5");
        Path tofu = fx.fakeBinary("tofu", "1.6.2", "exit 0");
        Terraform tf = fx.open(RunnerFixture.config(tofu.toString(), fx.workDir, 2, null, 60, 2, 60));
        assertThat(tf.version().product()).isEqualTo(TerraformVersion.Product.OPENTOFU);
    }

    @Test
    void aMalformedOutputDocumentIsAClearError() throws Exception {
        Path bin = fx.fakeBinary("terraform", "1.11.4", "echo '[\"not\", \"outputs\"]'");
        Terraform tf = fx.open(RunnerFixture.config(bin.toString(), fx.workDir, 2, null, 60, 2, 60));
        Workspace ws = tf.workspaces().open(new StackId("inst", "badout"));
        assertThatThrownBy(() -> tf.outputs(ws, null)).isInstanceOf(TerraformOutputException.class)
                .hasMessageContaining("not an object of outputs");
        tf.workspaces().remove(ws);
    }

    @Test
    void aMissingBinaryNamesItAndWhatToInstall() {
        assertThatThrownBy(() -> fx.open(RunnerFixture.config("no-such-terraform-xyz", fx.workDir, 2, null, 60, 2,
                60))).isInstanceOf(TerraformMissingException.class).hasMessageContaining("no-such-terraform-xyz")
                .hasMessageContaining("install Terraform");
        assertThatThrownBy(() -> fx.open(RunnerFixture.config("/nonexistent/terraform", fx.workDir, 2, null, 60, 2,
                60))).isInstanceOf(TerraformMissingException.class).hasMessageContaining("/nonexistent/terraform");
    }

    /** Each fake process appends "+" when it starts and "-" when it ends to {@code log}. */
    private static String overlapBody(Path log) {
        return "echo + >> " + log + "; sleep 0.4; echo - >> " + log;
    }

    private static int maxOverlap(Path log) throws Exception {
        int now = 0;
        int max = 0;
        for (String line : Files.readAllLines(log)) {
            now += line.equals("+") ? 1 : -1;
            max = Math.max(max, now);
        }
        return max;
    }

    @Test
    void theConcurrencyCapIsNeverExceeded() throws Exception {
        Path log = fx.temp.resolve("overlap.log");
        Path bin = fx.fakeBinary("terraform", "1.11.4", overlapBody(log) + "; echo '{}'");
        Terraform tf = fx.open(RunnerFixture.config(bin.toString(), fx.workDir, 2, null, 60, 2, 60));
        Workspace ws = tf.workspaces().open(new StackId("inst", "cap"));
        runInParallel(8, () -> tf.outputs(ws, null));
        assertThat(Files.readAllLines(log)).hasSize(16);
        assertThat(maxOverlap(log)).isEqualTo(2);
        tf.workspaces().remove(ws);
    }

    @Test
    void initAgainstOnePluginCacheIsSerialized() throws Exception {
        Path cache = fx.temp.resolve("plugin-cache");
        Path bin = fx.fakeBinary("terraform", "1.11.4", "echo + >> \"$TF_PLUGIN_CACHE_DIR/init.log\"; sleep 0.3;"
                + " echo - >> \"$TF_PLUGIN_CACHE_DIR/init.log\"");
        Terraform tf = fx.open(RunnerFixture.config(bin.toString(), fx.workDir, 8, cache.toString(), 60, 2, 60));
        List<Workspace> spaces = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            spaces.add(tf.workspaces().open(new StackId("inst", "init" + i)));
        }
        List<Runnable> inits = spaces.stream().<Runnable>map(w -> () -> tf.init(w, null)).toList();
        runAll(inits);
        assertThat(Files.readAllLines(cache.resolve("init.log"))).hasSize(8);
        assertThat(maxOverlap(cache.resolve("init.log"))).isEqualTo(1);
        spaces.forEach(tf.workspaces()::remove);
    }

    /** A later init of the same providers starts from the first one's lock file; other providers start fresh. */
    @Test
    void initOfKnownProvidersStartsFromTheirLockFile() throws Exception {
        Path cache = fx.temp.resolve("plugin-cache");
        Path bin = fx.fakeBinary("terraform", "1.11.4", "if [ -f .terraform.lock.hcl ]; then"
                + " echo \"$(basename \"$PWD\") seeded $(cat .terraform.lock.hcl)\" >> \"$TF_PLUGIN_CACHE_DIR/init.log\";"
                + " else echo \"$(basename \"$PWD\") fresh\" >> \"$TF_PLUGIN_CACHE_DIR/init.log\";"
                + " echo \"lock-of-$(basename \"$PWD\")\" > .terraform.lock.hcl; fi");
        Terraform tf = fx.open(RunnerFixture.config(bin.toString(), fx.workDir, 2, cache.toString(), 60, 2, 60));
        String aws = "{\"terraform\":{\"required_providers\":{\"aws\":{\"source\":\"aws\",\"version\":\"~> 5.23\"}}}}";
        String other = aws.replace("~> 5.23", "~> 4.0");
        List<Workspace> spaces = new ArrayList<>();
        for (String[] stack : new String[][] {{"a", aws}, {"b", aws}, {"c", other}, {"d", "{not json"}}) {
            Workspace ws = tf.workspaces().open(new StackId("inst", stack[0]));
            ws.writeStack(stack[1]);
            tf.init(ws, null);
            spaces.add(ws);
        }
        assertThat(Files.readAllLines(cache.resolve("init.log")))
                .containsExactly("a fresh", "b seeded lock-of-a", "c fresh", "d fresh");
        spaces.forEach(tf.workspaces()::remove);
    }

    private static void runInParallel(int n, Runnable task) throws Exception {
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(task);
        }
        runAll(tasks);
    }

    private static void runAll(List<Runnable> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<?>> futures = new ArrayList<>();
            tasks.forEach(t -> futures.add(pool.submit(t)));
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
