package io.antidote.tf.curriculum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antidote.tf.grammar.Rule;
import io.antidote.tf.lesson.Keyword;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Typed reading of one YAML mapping. Each accessor reports a wrongly typed value as a problem naming the field's
 * full path ({@code endpoints[0].additionalPorts: expected a list of integers, got "abc"}) and then answers as if
 * the field were absent. An absent field and an explicit {@code null} are the same.
 */
final class Fields {
    private final ObjectNode node;
    private final String prefix;
    private final FileProblems problems;

    Fields(ObjectNode node, String prefix, FileProblems problems) {
        this.node = node;
        this.prefix = prefix;
        this.problems = problems;
    }

    /** The full path of {@code key} in this file. */
    String path(String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    void problem(String key, String reason) {
        problems.add(path(key), reason);
    }

    /** Reports every key not in {@code known}: misspelt fields are problems, never silently ignored. */
    void allowOnly(Set<String> known) {
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!known.contains(key)) {
                problem(key, "unknown field (known fields: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    private JsonNode get(String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    boolean has(String key) {
        return get(key) != null;
    }

    /** Whether {@code key} is absent or an empty list (a value of another type is not). */
    boolean emptyList(String key) {
        JsonNode value = get(key);
        return value == null || value.isArray() && value.isEmpty();
    }

    /** This mapping's own path ({@code endpoints[2]}; empty at the top level). */
    String prefix() {
        return prefix;
    }

    /** A scalar as text (numbers and booleans as written), or null when absent or not a scalar. */
    String text(String key) {
        JsonNode value = get(key);
        if (value == null) {
            return null;
        }
        if (!value.isValueNode()) {
            problem(key, "expected a string, got " + Values.describe(value));
            return null;
        }
        return value.asText();
    }

    /** A text that must be present and not blank. */
    String requiredText(String key) {
        String value = text(key);
        if (value == null && !has(key)) {
            problem(key, "is required");
        } else if (value != null && value.isBlank()) {
            problem(key, "must not be empty");
            return null;
        }
        return value;
    }

    /**
     * A text that follows {@code rule}, or null (reported, showing the value) when it does not; null when absent and
     * empty when given empty (an optional field written {@code ''} is as good as absent).
     */
    String text(String key, Rule rule) {
        String value = text(key);
        return value == null || value.isEmpty() ? value : follow(key, value, rule, true);
    }

    /** A text that must be present and follow {@code rule}. */
    String requiredText(String key, Rule rule) {
        return follow(key, requiredText(key), rule, true);
    }

    /** As {@link #requiredText(String, Rule)}, never showing the value (a password) in a problem. */
    String requiredSecret(String key, Rule rule) {
        return follow(key, requiredText(key), rule, false);
    }

    /** Each string of the list {@code key}, checked against {@code rule} ({@code key[i]}); bad ones are left out. */
    List<String> strings(String key, Rule rule) {
        List<String> all = strings(key);
        List<String> good = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String value = follow(key + "[" + i + "]", all.get(i), rule, true);
            if (value != null) {
                good.add(value);
            }
        }
        return good;
    }

    /** {@code value} when it follows {@code rule} (null stays null); otherwise null, and the problem reported. */
    String follow(String key, String value, Rule rule, boolean show) {
        if (value == null) {
            return null;
        }
        Optional<String> reason = rule.problem(value);
        if (reason.isEmpty()) {
            return value;
        }
        problem(key, show ? reason.get() + ", got " + Values.quote(value) : reason.get());
        return null;
    }

    /** An integer in {@code min..max}, or null when absent, not an integer or out of range (reported). */
    Integer integer(String key, int min, int max, String unit) {
        Integer value = integer(key);
        if (value != null && (value < min || value > max)) {
            problem(key, "must be in " + min + ".." + max + unit + ", got " + value);
            return null;
        }
        return value;
    }

    /** A keyword of {@code type}; when absent, {@code absent} (null means required). */
    <E extends Enum<E> & Keyword> E keyword(String key, Class<E> type, E absent) {
        String value = text(key);
        if (value == null) {
            if (absent == null && !has(key)) {
                problem(key, "is required (one of " + Keyword.choices(type) + ")");
            }
            return absent;
        }
        E parsed = Keyword.parse(type, value).orElse(null);
        if (parsed == null) {
            problem(key, "expected one of " + Keyword.choices(type) + ", got " + Values.quote(value));
        }
        return parsed;
    }

    /** An integer, or null when absent or not an integer. */
    Integer integer(String key) {
        JsonNode value = get(key);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problem(key, "expected an integer, got " + Values.describe(value));
            return null;
        }
        return value.intValue();
    }

    /** A boolean, {@code false} when absent or not a boolean. */
    boolean bool(String key) {
        JsonNode value = get(key);
        if (value != null && !value.isBoolean()) {
            problem(key, "expected true or false, got " + Values.describe(value));
        }
        return value != null && value.booleanValue();
    }

    List<String> strings(String key) {
        return list(key, "strings", v -> v.isValueNode() ? v.asText() : null);
    }

    List<Integer> integers(String key) {
        return list(key, "integers", v -> v.isIntegralNumber() && v.canConvertToInt() ? v.intValue() : null);
    }

    /** Each element of a list of mappings, as {@code Fields} prefixed {@code key[i]} (i as in the file). */
    List<Fields> objects(String key) {
        List<Fields> result = new ArrayList<>();
        JsonNode value = get(key);
        if (value == null) {
            return result;
        }
        if (!value.isArray()) {
            problem(key, "expected a list of mappings, got " + Values.describe(value));
            return result;
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isObject()) {
                result.add(new Fields((ObjectNode) value.get(i), path(key) + "[" + i + "]", problems));
            } else {
                problem(key + "[" + i + "]", "expected a mapping, got " + Values.describe(value.get(i)));
            }
        }
        return result;
    }

    private <T> List<T> list(String key, String of, Function<JsonNode, T> element) {
        JsonNode value = get(key);
        List<T> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!value.isArray()) {
            problem(key, "expected a list of " + of + ", got " + Values.describe(value));
            return result;
        }
        for (int i = 0; i < value.size(); i++) {
            T converted = value.get(i).isNull() ? null : element.apply(value.get(i));
            if (converted == null) {
                problem(key + "[" + i + "]", "expected " + singular(of) + ", got " + Values.describe(value.get(i)));
            } else {
                result.add(converted);
            }
        }
        return result;
    }

    private static String singular(String of) {
        return switch (of) {
            case "integers" -> "an integer";
            default -> "a string";
        };
    }
}
