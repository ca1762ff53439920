package io.antidote.tf.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.antidote.tf.testing.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs terraform for stack tests (the project's runner is another package's): the machine's provider mirror through a
 * CLI config file, a shared plugin cache (the mirror is unpacked, so the cache only links to it), no input, no color.
 */
public final class TerraformCommands {
    public static final Path MIRROR = Path.of("/opt/tf-plugins");
    private static final Path SHARED = Path.of(System.getProperty("java.io.tmpdir"), "antidote-tf-test-terraform");

    private final Path terraform;
    private final Path cliConfig;

    private TerraformCommands(Path terraform, Path cliConfig) {
        this.terraform = terraform;
        this.cliConfig = cliConfig;
    }

    /** Skips (or fails in CI) when terraform or the mirror is missing. */
    public static TerraformCommands require() throws IOException {
        Path tf = Requirements.tool("terraform");
        Requirements.path(MIRROR.resolve("registry.terraform.io/hashicorp/aws"), "the AWS provider mirror");
        Files.createDirectories(SHARED.resolve("plugin-cache"));
        Path config = SHARED.resolve("cli.tfrc");
        Files.writeString(config, "provider_installation {\n  filesystem_mirror {\n    path = \"" + MIRROR
                + "\"\n    include = [\"registry.terraform.io/*/*\"]\n  }\n  direct {\n"
                + "    exclude = [\"registry.terraform.io/*/*\"]\n  }\n}\n");
        return new TerraformCommands(tf, config);
    }

    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs {@code terraform <args>} in {@code dir}; asserts an exit code of 0. */
    public Result ok(Path dir, String... args) throws Exception {
        Result r = run(dir, args);
        assertThat(r.exitCode()).as("terraform %s in %s\n%s\n%s", String.join(" ", args), dir, r.stdout(), r.stderr()).isZero();
        return r;
    }

    /** Plugin-cache init is not safe concurrently: one init at a time in this JVM. */
    public synchronized Result run(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(terraform.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("TF_") || k.startsWith("AWS_"));
        env.put("TF_CLI_CONFIG_FILE", cliConfig.toString());
        env.put("TF_PLUGIN_CACHE_DIR", SHARED.resolve("plugin-cache").toString());
        env.put("TF_IN_AUTOMATION", "1");
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("terraform " + String.join(" ", args) + " timed out in " + dir);
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }
}
