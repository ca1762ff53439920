package io.antidote.tf.lesson;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enum whose values are written in curriculum files as lower-case words. */
public interface Keyword {

    /** The value as written in a curriculum file. */
    default String id() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /** The constant written as {@code text}, if any. */
    static <E extends Enum<E> & Keyword> Optional<E> parse(Class<E> type, String text) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.id().equals(text)).findFirst();
    }

    /** The accepted spellings, for error messages: {@code a|b|c}. */
    static <E extends Enum<E> & Keyword> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Keyword::id).collect(Collectors.joining("|"));
    }
}
