package io.antidote.tf.cli;

import io.antidote.tf.curriculum.CurriculumLoader;
import io.antidote.tf.curriculum.LoadResult;
import io.antidote.tf.curriculum.NoCurriculumException;
import io.antidote.tf.curriculum.Problem;
import io.antidote.tf.lesson.Curriculum;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code antidote-tf validate --curriculum DIR}: loads a curriculum and prints every problem as
 * {@code file: field: reason} on stdout. Exit 0 when there is none, 1 when there is any, 2 when the directory is
 * missing or the command line is wrong.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a curriculum directory and print every problem, one per line.")
public final class ValidateCommand implements Callable<Integer> {
    static final int PROBLEMS = 1;
    static final int NO_CURRICULUM = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--curriculum", required = true, paramLabel = "DIR", description = "The curriculum directory.")
    Path curriculum;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadResult result;
        try {
            result = CurriculumLoader.load(curriculum);
        } catch (NoCurriculumException e) {
            err.println("antidote-tf validate: " + e.getMessage());
            err.flush();
            return NO_CURRICULUM;
        }
        for (Problem problem : result.problems()) {
            out.println(problem.format());
        }
        if (result.clean()) {
            Curriculum c = result.curriculum();
            out.println(c.lessons().size() + " lessons, " + c.images().size() + " images, "
                    + c.collections().size() + " collections: no problems");
        }
        out.flush();
        return result.clean() ? 0 : PROBLEMS;
    }
}
