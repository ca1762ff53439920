package io.antidote.tf.cli;

import io.antidote.tf.curriculum.CurriculumLoader;
import io.antidote.tf.curriculum.LoadResult;
import io.antidote.tf.standin.BuildContexts;
import io.antidote.tf.standin.BuildContexts.BuildContext;
import io.antidote.tf.standin.DockerNames;
import io.antidote.tf.standin.SpecJson;
import io.antidote.tf.standin.StandinImage;
import io.antidote.tf.standin.StandinSpec;
import io.antidote.tf.standin.StandinSpecs;
import io.antidote.tf.standin.StandinUser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code antidote-tf standins --curriculum DIR}: the stand-in images a curriculum needs (docs/standin-images.md), read
 * with the curriculum loader: one line per image, or JSON; never a password. With {@code --contexts DIR} it also
 * writes their Docker build contexts there, which {@code bin/standin-images} builds. Curriculum problems leave the
 * broken lessons out and are counted in one warning on stderr.
 */
@Command(name = "standins", mixinStandardHelpOptions = true,
        description = "List the stand-in images of a curriculum's images (and write their build contexts).")
public final class StandinsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--curriculum", required = true, paramLabel = "DIR", description = "The curriculum directory.")
    Path curriculum;

    @Option(names = "--image-org", paramLabel = "ORG", defaultValue = "antidotelabs",
            description = "Organisation of the endpoint images, imageOrg of the configuration (default: ${DEFAULT-VALUE}).")
    String imageOrg;

    @Option(names = "--tag", paramLabel = "TAG", defaultValue = "latest",
            description = "Tag of the endpoint images, curriculumVersion of the configuration (default: ${DEFAULT-VALUE}).")
    String tag;

    @Option(names = "--image-version", paramLabel = "TAG", defaultValue = "latest",
            description = "Tag of the platform images antidotelabs/configurator and antidotelabs/jupyter (default: ${DEFAULT-VALUE}).")
    String imageVersion;

    @Option(names = "--contexts", paramLabel = "DIR",
            description = "Write one Docker build context per image into DIR (absent or empty).")
    Path contexts;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        check("--image-org", imageOrg, DockerNames.orgProblem(imageOrg));
        check("--tag", tag, DockerNames.tagProblem(tag));
        check("--image-version", imageVersion, DockerNames.tagProblem(imageVersion));
        LoadResult loaded = CurriculumLoader.load(curriculum);
        StandinSpec standins = StandinSpecs.of(loaded.curriculum(), imageOrg, tag, imageVersion);
        Map<String, String> hashes = new LinkedHashMap<>();
        if (contexts != null) {
            for (BuildContext context : BuildContexts.write(standins, contexts)) {
                hashes.put(context.image().reference(), context.hash());
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!loaded.clean()) {
            err.println(Failures.PREFIX + "warning: " + loaded.problems().size() + " curriculum problem(s) leave "
                    + "lessons or images out (antidote-tf validate --curriculum DIR lists them); first: "
                    + loaded.problems().get(0).format());
        }
        standins.warnings().forEach(w -> err.println(Failures.PREFIX + "warning: " + w));
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        switch (output.format) {
            case json -> out.print(SpecJson.summary(standins, loaded.problems().size(), hashes));
            case text -> standins.images().forEach(image -> out.println(line(image)));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void check(String option, String value, Optional<String> problem) {
        problem.ifPresent(p -> {
            throw new ParameterException(spec.commandLine(), option + " '" + value + "' " + p);
        });
    }

    /** {@code <reference> <kind> users=<name>:<uid>,... ssh=<ports> http=<ports> tcp=<ports>}, {@code -} for none. */
    static String line(StandinImage image) {
        Function<List<String>, String> list = l -> l.isEmpty() ? "-" : String.join(",", l);
        Function<SortedSet<Integer>, String> ports = p -> list.apply(p.stream().map(String::valueOf).toList());
        return image.reference() + " " + image.kind().id()
                + " users=" + list.apply(image.users().stream().map(StandinsCommand::user).toList())
                + " ssh=" + ports.apply(image.sshPorts()) + " http=" + ports.apply(image.httpPorts())
                + " tcp=" + ports.apply(image.tcpPorts());
    }

    private static String user(StandinUser user) {
        return user.name() + ":" + user.uid();
    }
}
