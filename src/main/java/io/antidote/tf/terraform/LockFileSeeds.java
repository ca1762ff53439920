package io.antidote.tf.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dependency lock file of each provider set this runner has initialized, given to later stacks of the same set
 * before their {@code init}. An {@code init} without a lock file installs the provider into the shared plugin cache
 * again, replacing it under the terraform processes of other stacks that are using it ("there is no package ...
 * cached in .terraform/providers"); with the lock file it only checks and links the cached package. Keyed by the
 * stack's {@code terraform.required_providers}; a stack whose JSON cannot be read is neither seeded nor learned
 * from. Thread-safe; used under the plugin-cache lock.
 */
final class LockFileSeeds {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<JsonNode, String> byRequirements = new ConcurrentHashMap<>();

    /** The stack's {@code terraform.required_providers} (empty when it declares none or cannot be read). */
    static Optional<JsonNode> requirements(Path stackFile) {
        try {
            JsonNode providers = JSON.readTree(stackFile.toFile()).path("terraform").path("required_providers");
            return providers.isObject() && !providers.isEmpty() ? Optional.of(providers) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Before init: gives {@code ws} the lock file of an earlier init of the same provider set, if it has none.
     * Returns the stack's provider set, for {@link #learn} after the init.
     */
    Optional<JsonNode> seed(Workspace ws) throws IOException {
        Optional<JsonNode> key = requirements(ws.stackFile());
        String known = key.map(byRequirements::get).orElse(null);
        if (known != null && !Files.exists(ws.lockFile())) {
            Files.writeString(ws.lockFile(), known);
        }
        return key;
    }

    /** After a successful init: remembers {@code ws}'s lock file for its provider set {@code key}. */
    void learn(Workspace ws, Optional<JsonNode> key) throws IOException {
        if (key.isPresent() && Files.isRegularFile(ws.lockFile())) {
            byRequirements.put(key.get(), Files.readString(ws.lockFile()));
        }
    }
}
