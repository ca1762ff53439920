package io.antidote.tf.grammar;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A rule a string must follow. {@link #problem} says why a value breaks it ({@code must be ...}) and never repeats
 * the value, so that the caller decides whether it may be shown.
 */
@FunctionalInterface
public interface Rule {

    /** Why {@code value} breaks this rule, if it does. */
    Optional<String> problem(String value);

    /** Whether {@code value} follows this rule. */
    default boolean accepts(String value) {
        return problem(value).isEmpty();
    }

    /** This rule, then {@code next} when this one holds. */
    default Rule and(Rule next) {
        return value -> {
            Optional<String> first = problem(value);
            return first.isPresent() ? first : next.problem(value);
        };
    }

    /** This rule, its problems followed by {@code why} in brackets ({@code it becomes part of a host name}). */
    default Rule because(String why) {
        return value -> problem(value).map(reason -> reason + " (" + why + ")");
    }

    /** Not empty, the whole value matching {@code pattern}, then at most {@code max} characters (UTF-16 units). */
    static Rule matching(String pattern, int max, String description) {
        Pattern compiled = Pattern.compile(pattern);
        return length(1, Integer.MAX_VALUE).and(value -> compiled.matcher(value).matches() ? Optional.empty()
                : Optional.of("must be " + description)).and(length(1, max));
    }

    /** Between {@code min} and {@code max} characters (UTF-16 units). */
    static Rule length(int min, int max) {
        return value -> {
            if (value.length() > max) {
                return Optional.of("has " + value.length() + " characters, more than the " + max + " allowed");
            }
            if (value.length() < min) {
                return Optional.of(min == 1 ? "must not be empty" : "must be at least " + min + " characters");
            }
            return Optional.empty();
        };
    }
}
