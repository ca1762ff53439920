package io.antidote.tf.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** Turns Jackson's exceptions into {@link ConfigException}s that name the key path, without Jackson's wording. */
final class ConfigErrors {
    private ConfigErrors() {
    }

    static ConfigException translate(Path file, JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidValueException invalid) {
                return new ConfigException(file, invalid.key(), invalid.reason(), e);
            }
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return new ConfigException(file, path(u), "unknown key (known: " + known(u.getKnownPropertyIds()) + ")", e);
        }
        if (e instanceof InvalidFormatException f) {
            return new ConfigException(file, path(f), "expected " + describe(f.getTargetType()) + ", got '" + f.getValue() + "'", e);
        }
        if (e instanceof MismatchedInputException m) {
            return new ConfigException(file, path(m), "expected " + describe(m.getTargetType()), e);
        }
        if (e instanceof JsonMappingException m) {
            boolean overflow = m.getCause() instanceof InputCoercionException;
            return new ConfigException(file, path(m), overflow ? "number out of range" : "invalid value", e);
        }
        String key = e instanceof StreamReadException r && r.getProcessor() != null ? path(r.getProcessor().getParsingContext()) : "";
        String at = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        String message = Objects.toString(e.getOriginalMessage(), "").replaceAll("\\s+", " ").trim();
        if (e instanceof InputCoercionException) {
            return new ConfigException(file, key, "number out of range" + at, e);
        }
        if (message.startsWith("Duplicate field")) {
            return new ConfigException(file, key, "key given twice" + at, e);
        }
        return new ConfigException(file, key, "not valid YAML: " + message + at, e);
    }

    /** A value's kind in words, for "expected ..." messages. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Path.class) {
            return "a path";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining("|"));
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "a mapping of keys to values";
    }

    static String describe(JsonNode node) {
        return node.isArray() ? "a list" : "a single value";
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "" : ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String path(JsonMappingException e) {
        StringBuilder key = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                key.append(key.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                key.append('[').append(ref.getIndex()).append(']');
            }
        }
        return key.toString();
    }

    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.addFirst("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.addFirst((parts.isEmpty() || parts.peekFirst().startsWith("[") ? "" : ".") + c.getCurrentName());
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }
}
