package io.antidote.tf.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code antidote-tf}: one subcommand per job. The only place that exits the JVM. Failures are reported by
 * {@link Failures} (one line on stderr, exit codes in {@link ExitCodes}).
 */
@Command(name = "antidote-tf", mixinStandardHelpOptions = true, version = "antidote-tf 0.1.0",
        description = "A Terraform-driven infrastructure backend for Antidote.",
        subcommands = {
            // subcommands are registered here, one class each
            ValidateCommand.class,
            SynthCommand.class,
            PlanCommand.class,
            UpCommand.class,
            StageCommand.class,
            DownCommand.class,
            ListCommand.class,
            PruneCommand.class,
            DriftCommand.class,
            ServeCommand.class,
            StandinsCommand.class,
        })
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line in-process and returns its exit code (tests call this). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** As {@link #run(String...)}, printing to {@code out} and {@code err} instead of stdout and stderr. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine().setOut(out).setErr(err).execute(args);
    }

    private static CommandLine commandLine() {
        return Failures.install(new CommandLine(new Main()));
    }
}
