package io.antidote.tf.cli;

import io.antidote.tf.AntidoteException;
import io.antidote.tf.config.ConfigException;
import io.antidote.tf.curriculum.NoCurriculumException;
import io.antidote.tf.dryrun.DryRunException;
import io.antidote.tf.tracing.Redactor;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place that turns a failure into what the user sees: a single line {@code antidote-tf: <message>} on stderr
 * and an exit code ({@link ExitCodes}); never a stack trace. Usage errors (bad options, configuration, curriculum,
 * unknown lesson) exit 2; other {@link AntidoteException}s exit 1; anything else is an internal error, exit 1, whose
 * stack trace is printed only with {@code ANTIDOTE_TF_DEBUG=1}.
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final String PREFIX = "antidote-tf: ";

    /** Installs both handlers on {@code cli}. */
    static CommandLine install(CommandLine cli) {
        Failures failures = new Failures();
        return cli.setExecutionExceptionHandler(failures).setParameterExceptionHandler(failures);
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        print(cmd.getErr(), firstLine(e.getMessage()) + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof ParameterException p) {
            return handleParseException(p, parsed.originalArgs().toArray(String[]::new));
        }
        if (e instanceof AntidoteException a) {
            print(err, firstLine(a.getMessage()));
            return usage(a) ? ExitCodes.USAGE : ExitCodes.FAILED;
        }
        print(err, "internal error: " + e.getClass().getSimpleName() + ": " + firstLine(String.valueOf(e.getMessage()))
                + " (set ANTIDOTE_TF_DEBUG=1 for the stack trace)");
        if ("1".equals(System.getenv("ANTIDOTE_TF_DEBUG"))) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(Redactor.shared().redact(trace.toString()));
        }
        err.flush();
        return ExitCodes.FAILED;
    }

    static boolean usage(AntidoteException e) {
        return e instanceof ConfigException || e instanceof NoCurriculumException
                || (e instanceof DryRunException d && d.usage());
    }

    /** The one error line, through the shared redactor: an error never prints a secret the process knows. */
    private static void print(PrintWriter err, String message) {
        err.println(PREFIX + Redactor.shared().redact(message));
        err.flush();
    }

    /** The first line of {@code message}: details (terraform output) go to reports, not to this line. */
    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "failed";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
