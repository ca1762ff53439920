package io.antidote.tf.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads Antidote's YAML configuration file into an {@link AntidoteConfig}. Strict: unknown keys, values of the
 * wrong type, missing required keys and out-of-range values are each a {@link ConfigException} naming the file and
 * the full key path. Enum values are the lower-case words ({@code tier: prod}), accepted in any case. A relative
 * {@code curriculumDir}, and a relative {@code runner.cliConfigFile}, {@code runner.pluginCacheDir} or
 * {@code runner.workDir}, are taken relative to the configuration file's directory.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private static final String[] RELATIVE_RUNNER_PATHS = {"cliConfigFile", "pluginCacheDir", "workDir"};

    private ConfigLoader() {
    }

    /** Reads and checks the configuration file {@code file}. */
    public static AntidoteConfig load(Path file) {
        if (Files.isDirectory(file)) {
            throw new ConfigException(file, "", "is a directory, not a configuration file", null);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, "", "no such file", e);
        } catch (AccessDeniedException e) {
            throw new ConfigException(file, "", "cannot read it: permission denied", e);
        } catch (CharacterCodingException e) {
            throw new ConfigException(file, "", "is not UTF-8 text", e);
        } catch (IOException e) {
            throw new ConfigException(file, "", "cannot read it: " + e.getMessage(), e);
        }
        return parse(text, file);
    }

    /**
     * Reads configuration from {@code yaml} as if it were the file {@code origin}: messages name {@code origin}, and
     * a relative {@code curriculumDir} resolves against its directory.
     */
    public static AntidoteConfig parse(String yaml, Path origin) {
        JsonNode tree;
        AntidoteConfig config;
        try {
            tree = YAML.readTree(yaml);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw new ConfigException(origin, "", "is empty (instanceId and curriculumDir are required)", null);
            }
            if (!tree.isObject()) {
                throw new ConfigException(origin, "", "the top level is " + ConfigErrors.describe(tree)
                        + ", not a mapping of keys to values", null);
            }
            resolveRunnerPaths(tree, origin);
            resolveTokenFile(tree, origin);
            config = YAML.treeToValue(tree, AntidoteConfig.class);
        } catch (JsonProcessingException e) {
            throw ConfigErrors.translate(origin, e);
        } catch (InvalidValueException e) {
            throw new ConfigException(origin, e.key(), e.reason(), e);
        }
        return config.curriculumDir().isAbsolute() ? config
                : config.withCurriculumDir(origin.toAbsolutePath().getParent().resolve(config.curriculumDir()).normalize());
    }

    /** Makes a relative {@code api.adminTokenFile} absolute against {@code origin}'s directory, in the tree. */
    private static void resolveTokenFile(JsonNode tree, Path origin) {
        if (!(tree.path("api") instanceof ObjectNode api)) {
            return;
        }
        JsonNode value = api.get("adminTokenFile");
        if (value != null && value.isTextual() && !value.asText().isBlank()) {
            Path path = Path.of(value.asText().trim());
            if (!path.isAbsolute()) {
                api.put("adminTokenFile", origin.toAbsolutePath().getParent().resolve(path).normalize().toString());
            }
        }
    }

    /** Makes the runner's relative file settings absolute against {@code origin}'s directory, in the tree. */
    private static void resolveRunnerPaths(JsonNode tree, Path origin) {
        if (!(tree.path("backendConfigs").path("terraform").path("runner") instanceof ObjectNode runner)) {
            return;
        }
        for (String key : RELATIVE_RUNNER_PATHS) {
            JsonNode value = runner.get(key);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                Path path = Path.of(value.asText().trim());
                if (!path.isAbsolute()) {
                    runner.put(key, origin.toAbsolutePath().getParent().resolve(path).normalize().toString());
                }
            }
        }
    }
}
