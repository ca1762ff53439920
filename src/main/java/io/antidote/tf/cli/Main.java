package io.antidote.tf.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code antidote-tf}: one subcommand per job. The only place that exits the JVM. */
@Command(name = "antidote-tf", mixinStandardHelpOptions = true, version = "antidote-tf 0.1.0",
        description = "A Terraform-driven infrastructure backend for Antidote.",
        subcommands = {
            // subcommands are registered here, one class each
            ValidateCommand.class,
        })
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line in-process and returns its exit code (tests call this). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }
}
