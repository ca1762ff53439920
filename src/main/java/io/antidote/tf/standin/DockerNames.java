package io.antidote.tf.standin;

import java.util.Optional;

/**
 * The parts of a stand-in's image reference {@code <org>/<repository>:<tag>}, checked with the project's one Docker
 * grammar ({@link io.antidote.tf.grammar.DockerNames}): the organisation may start with a registry host, the
 * repository is one path component, the tag up to 128 letters, digits, {@code _}, {@code .} and {@code -}, and the
 * name without the tag at most 255 characters.
 */
public final class DockerNames {
    private static final int MAX_NAME = io.antidote.tf.grammar.DockerNames.MAX_NAME;

    private DockerNames() {
    }

    /** Why {@code org} cannot prefix an image name, if it cannot. */
    public static Optional<String> orgProblem(String org) {
        return io.antidote.tf.grammar.DockerNames.ORGANISATION.problem(org);
    }

    /** Why {@code name} cannot be one repository path component, if it cannot. */
    public static Optional<String> repositoryProblem(String name) {
        return io.antidote.tf.grammar.DockerNames.REPOSITORY.problem(name);
    }

    /** Why {@code tag} is not a Docker tag, if it is not. */
    public static Optional<String> tagProblem(String tag) {
        return io.antidote.tf.grammar.DockerNames.TAG.problem(tag);
    }

    /** {@code org/repository:tag}, each part checked. */
    public static String reference(String org, String repository, String tag) {
        String name = org + "/" + repository;
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("image name " + name + " is longer than " + MAX_NAME + " characters");
        }
        orgProblem(org).ifPresent(p -> {
            throw new IllegalArgumentException("image organisation " + org + " " + p);
        });
        repositoryProblem(repository).ifPresent(p -> {
            throw new IllegalArgumentException("repository " + repository + " " + p);
        });
        tagProblem(tag).ifPresent(p -> {
            throw new IllegalArgumentException("tag " + tag + " " + p);
        });
        return name + ":" + tag;
    }
}
