package io.antidote.tf.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * The API's one JSON configuration, for every answer and every request body: the message records' proto names,
 * zero values left out (empty text, 0, false, empty lists and maps: the reference's gateway does not emit defaults),
 * and request bodies read strictly (unknown fields, duplicate keys, wrong types, trailing text are each a 400 with
 * one message naming the field). An empty body reads as {@code {}}, as the reference's gateway takes it.
 */
public final class ApiJson {
    /** The largest request body read; larger ones are refused (413). */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_DEFAULT,
                    JsonInclude.Include.ALWAYS))
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private ApiJson() {
    }

    /** {@code message} as JSON bytes. */
    public static byte[] write(Object message) {
        try {
            return MAPPER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an API message always serializes: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The request body {@code body} as a {@code type}.
     *
     * @throws ApiException 400 naming what is wrong, or 413 when the body is larger than {@link #MAX_BODY_BYTES}
     */
    public static <T> T read(byte[] body, Class<T> type) {
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] json = isBlank(body) ? new byte[] {'{', '}'} : body;
        try {
            return MAPPER.readValue(json, type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.invalid("unknown field \"" + e.getPropertyName() + "\" in the request body (known: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))
                    + ")");
        } catch (JsonParseException e) {
            throw ApiException.invalid("the request body is not valid JSON: " + e.getOriginalMessage());
        } catch (MismatchedInputException e) {
            if (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
                throw ApiException.invalid("the request body is not valid: text follows its JSON object");
            }
            String field = path(e);
            throw ApiException.invalid(field.isEmpty()
                    ? "the request body must be a JSON object"
                    : "field \"" + field + "\" of the request body has the wrong type (" + expected(e) + ")");
        } catch (JsonMappingException e) {
            throw ApiException.invalid("the request body is not valid: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.invalid("the request body cannot be read: " + e.getMessage());
        }
    }

    static ApiException tooLarge() {
        return new ApiException(ApiStatus.TOO_LARGE, "the request body is larger than " + MAX_BODY_BYTES + " bytes");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String expected(MismatchedInputException e) {
        Class<?> t = e.getTargetType();
        if (t == Integer.class || t == int.class) {
            return "expected a whole number";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "expected true or false";
        }
        if (t == String.class) {
            return "expected text";
        }
        return "expected " + (t == null ? "another type" : t.getSimpleName());
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
