package io.antidote.tf.state;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.antidote.tf.lesson.Keyword;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The project's one JSON configuration: livelessons with the reference's field names, lesson enums as the
 * lower-case words curriculum files use ({@code markdown}, {@code http}), times as ISO-8601 text, paths as plain
 * (possibly relative) text. Lesson records need no annotations. Unknown JSON fields are ignored, so state written by
 * a newer version still reads. Reuse {@link #mapper()} (thread-safe, shared) or {@link #newMapper()} to configure
 * further.
 */
public final class Json {
    private static final ObjectMapper SHARED = newMapper();

    private Json() {
    }

    /** The shared, fully configured mapper. Do not reconfigure it: use {@link #newMapper()} for that. */
    public static ObjectMapper mapper() {
        return SHARED;
    }

    /** A new mapper with this project's configuration. */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(antidoteModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }

    /** {@code value} as JSON text. */
    public static String write(Object value) {
        try {
            return SHARED.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StateException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** JSON text read as a {@code type}. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return SHARED.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StateException("cannot read a " + type.getSimpleName() + " from JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Keyword enums as their curriculum words; paths as plain text (Jackson's default makes them absolute URIs). */
    static SimpleModule antidoteModule() {
        SimpleModule module = new SimpleModule("antidote") {
            private static final long serialVersionUID = 1L;

            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addDeserializers(new KeywordDeserializers());
            }
        };
        module.addSerializer(Keyword.class, new StdSerializer<>(Keyword.class) {
            private static final long serialVersionUID = 1L;

            @Override
            public void serialize(Keyword value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.id());
            }
        });
        module.addSerializer(Path.class, new StdSerializer<>(Path.class) {
            private static final long serialVersionUID = 1L;

            @Override
            public void serialize(Path value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toString());
            }
        });
        module.addDeserializer(Path.class, new JsonDeserializer<>() {
            @Override
            public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return Path.of(p.getValueAsString());
            }
        });
        return module;
    }

    /** Finds a {@link Keyword} enum's constant by its word. */
    private static final class KeywordDeserializers extends Deserializers.Base {
        @Override
        public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config, BeanDescription beanDesc) {
            return Keyword.class.isAssignableFrom(type) ? keywordDeserializer(type) : null;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static JsonDeserializer<?> keywordDeserializer(Class<?> type) {
            Class<Enum> enumType = (Class<Enum>) type;
            return new JsonDeserializer<Object>() {
                @Override
                public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                    String text = p.getValueAsString();
                    for (Enum constant : enumType.getEnumConstants()) {
                        if (((Keyword) constant).id().equals(text)) {
                            return constant;
                        }
                    }
                    return ctxt.handleWeirdStringValue(enumType, text, "not one of the accepted words");
                }
            };
        }
    }
}
