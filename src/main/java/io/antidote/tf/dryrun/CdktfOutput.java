package io.antidote.tf.dryrun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes stacks in CDKTF's output layout ({@code manifest.json}, {@code stacks/<name>/cdk.tf.json}), the one
 * {@code cdktf synth} writes and terraform runs as is. All or nothing: everything is written into a temporary
 * directory beside the target, which then takes the target's place; a target that exists must be an earlier output
 * (it has a {@code manifest.json}) or empty, so nothing else is ever replaced.
 */
public final class CdktfOutput {
    /** The CDKTF version whose manifest format this writes. */
    public static final String CDKTF_VERSION = "0.19.2";
    public static final String MANIFEST = "manifest.json";

    private CdktfOutput() {
    }

    /** Fails now, before any synthesis, when {@link #write} could not write {@code out}. */
    public static void checkWritable(Path out) {
        delete(reserve(out));
    }

    /** Writes {@code stacks}, named by lesson slug, as the directory {@code out}. */
    public static void write(Path out, List<LessonStack> stacks) {
        Path target = out.toAbsolutePath().normalize();
        Path temp = reserve(out);
        try {
            Map<String, LessonStack> byName = new TreeMap<>();
            stacks.forEach(s -> byName.put(s.lessonSlug(), s));
            for (LessonStack s : byName.values()) {
                Path dir = Files.createDirectories(temp.resolve("stacks").resolve(s.lessonSlug()));
                Files.writeString(dir.resolve("cdk.tf.json"), s.stack().json(), StandardCharsets.UTF_8);
            }
            Files.writeString(temp.resolve(MANIFEST), manifest(byName.keySet()), StandardCharsets.UTF_8);
            replace(temp, target);
        } catch (IOException e) {
            delete(temp);
            throw new DryRunException("cannot write the output directory " + out + ": " + OutputFiles.describe(e), false, e);
        }
    }

    /** Checks that {@code out} may be replaced and returns a new temporary directory beside it. */
    private static Path reserve(Path out) {
        Path target = out.toAbsolutePath().normalize();
        checkReplaceable(out, target);
        Path parent = target.getParent();
        Path temp;
        try {
            Files.createDirectories(parent);
            temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        } catch (AccessDeniedException e) {
            throw new DryRunException("cannot write the output directory " + out + ": " + parent
                    + " is not writable", false, e);
        } catch (IOException e) {
            throw new DryRunException("cannot write the output directory " + out + ": " + OutputFiles.describe(e), false, e);
        }
        return temp;
    }

    /** CDKTF 0.19's {@code manifest.json} for stacks {@code names}, byte for byte (no final newline). */
    public static String manifest(Iterable<String> names) {
        StringBuilder sb = new StringBuilder("{\n  \"version\": \"" + CDKTF_VERSION + "\",\n  \"stacks\": {");
        String sep = "\n";
        for (String n : names) {
            sb.append(sep).append("    \"").append(n).append("\": {\n")
                    .append("      \"name\": \"").append(n).append("\",\n")
                    .append("      \"constructPath\": \"").append(n).append("\",\n")
                    .append("      \"workingDirectory\": \"stacks/").append(n).append("\",\n")
                    .append("      \"synthesizedStackPath\": \"stacks/").append(n).append("/cdk.tf.json\",\n")
                    .append("      \"annotations\": [],\n")
                    .append("      \"dependencies\": []\n")
                    .append("    }");
            sep = ",\n";
        }
        return sb.append(sep.equals("\n") ? "}\n}" : "\n  }\n}").toString();
    }

    private static void checkReplaceable(Path out, Path target) {
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new DryRunException("the output directory " + out + " exists and is not a directory", false);
        }
        if (Files.isDirectory(target) && !Files.exists(target.resolve(MANIFEST))) {
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new DryRunException("the output directory " + out + " is not empty and has no " + MANIFEST
                            + " (not an earlier output): refusing to replace it", false);
                }
            } catch (IOException e) {
                throw new DryRunException("cannot read the output directory " + out + ": " + OutputFiles.describe(e), false, e);
            }
        }
    }

    /** Moves {@code temp} to {@code target}, replacing an earlier output; each rename is atomic. */
    private static void replace(Path temp, Path target) throws IOException {
        if (!Files.exists(target)) {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
        Files.delete(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        delete(old);
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temporary directory is named so it is recognizable
        }
    }
}
