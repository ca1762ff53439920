package io.antidote.tf.api;

import io.antidote.tf.config.ApiConfig;
import io.antidote.tf.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * The operators' bearer token: read once at start from {@code api.adminTokenFile} or {@code api.adminTokenEnv},
 * compared in constant time, never shown ({@link #toString()} masks it, errors name only where it comes from).
 */
public final class AdminToken {
    /** The shortest token accepted: a token is a secret, not a password to remember. */
    public static final int MIN_LENGTH = 16;

    private final byte[] token;

    private AdminToken(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The configured token, or empty when none is configured (the operator routes are then off).
     *
     * @param configFile the configuration file, named in errors
     * @param env the process environment
     * @throws ConfigException naming the key and the file or variable when the token cannot be read, is empty or
     *         is shorter than {@value #MIN_LENGTH} characters
     */
    public static Optional<AdminToken> load(Path configFile, ApiConfig api, Map<String, String> env) {
        if (!api.adminRoutes()) {
            return Optional.empty();
        }
        String key;
        String source;
        String value;
        if (!api.adminTokenFile().isEmpty()) {
            key = "api.adminTokenFile";
            source = api.adminTokenFile();
            value = readFile(configFile, Path.of(source));
        } else {
            key = "api.adminTokenEnv";
            source = "$" + api.adminTokenEnv();
            value = env.get(api.adminTokenEnv());
            if (value == null) {
                throw new ConfigException(configFile, key, source + " is not set in the environment", null);
            }
        }
        String token = value.strip();
        if (token.isEmpty()) {
            throw new ConfigException(configFile, key, source + " holds an empty token", null);
        }
        if (token.length() < MIN_LENGTH || token.chars().anyMatch(Character::isWhitespace)) {
            throw new ConfigException(configFile, key, source + ": the token must be at least " + MIN_LENGTH
                    + " characters without whitespace", null);
        }
        return Optional.of(new AdminToken(token));
    }

    private static String readFile(Path configFile, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(configFile, "api.adminTokenFile", file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new ConfigException(configFile, "api.adminTokenFile", file + ": permission denied", e);
        } catch (IOException e) {
            throw new ConfigException(configFile, "api.adminTokenFile", file + ": cannot read it", e);
        }
    }

    /** Whether the {@code Authorization} header {@code header} carries this token as {@code Bearer <token>}. */
    public boolean admits(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token);
    }

    @Override
    public String toString() {
        return "AdminToken[****]";
    }
}
