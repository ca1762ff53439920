package io.antidote.tf.standin;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Docker's grammar for the parts of an image reference {@code <org>/<repository>:<tag>}: repository path components
 * are lower-case letters and digits joined by {@code .}, {@code _}, {@code __} or hyphens; the organisation may start
 * with a registry host ({@code registry.example.com:5000/org}); a tag is up to 128 letters, digits, {@code _}, {@code .}
 * and {@code -}, not starting with {@code .} or {@code -}.
 */
public final class DockerNames {
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern REPOSITORY = Pattern.compile(COMPONENT);
    private static final Pattern ORG = Pattern.compile("(?:[A-Za-z0-9.-]+(?::[0-9]+)?/)?" + COMPONENT + "(?:/" + COMPONENT + ")*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final int MAX_NAME = 255;

    private DockerNames() {
    }

    /** Why {@code org} cannot prefix an image name, if it cannot. */
    public static Optional<String> orgProblem(String org) {
        return ORG.matcher(org).matches() ? Optional.empty()
                : Optional.of("must be lower-case path components ([a-z0-9] joined by . _ or -) separated by /, "
                        + "optionally after a registry host");
    }

    /** Why {@code name} cannot be one repository path component, if it cannot. */
    public static Optional<String> repositoryProblem(String name) {
        return REPOSITORY.matcher(name).matches() ? Optional.empty()
                : Optional.of("cannot be a Docker repository name (lower-case letters and digits joined by . _ or -)");
    }

    /** Why {@code tag} is not a Docker tag, if it is not. */
    public static Optional<String> tagProblem(String tag) {
        return TAG.matcher(tag).matches() ? Optional.empty()
                : Optional.of("must be 1 to 128 letters, digits, _ . or -, not starting with . or -");
    }

    /** {@code org/repository:tag}, each part checked. */
    public static String reference(String org, String repository, String tag) {
        orgProblem(org).ifPresent(p -> {
            throw new IllegalArgumentException("image organisation " + org + " " + p);
        });
        repositoryProblem(repository).ifPresent(p -> {
            throw new IllegalArgumentException("repository " + repository + " " + p);
        });
        tagProblem(tag).ifPresent(p -> {
            throw new IllegalArgumentException("tag " + tag + " " + p);
        });
        String name = org + "/" + repository;
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("image name " + name + " is longer than " + MAX_NAME + " characters");
        }
        return name + ":" + tag;
    }
}
