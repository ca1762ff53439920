package io.antidote.tf.dryrun;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antidote.tf.stack.StackRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Synthesized stacks kept across runs ({@code --cache DIR}), each in {@code DIR/<key>.tf.json}, byte for byte, where
 * the key is a SHA-256 ({@link InputDigest}) over everything that decides the stack's bytes:
 * <ul>
 *   <li>the code: this program's classes and the versions of its dependencies ({@link CodeFingerprint}), and its
 *       build version;</li>
 *   <li>the configuration file's bytes (the target and its settings);</li>
 *   <li>the dry-run settings (stage, livelesson and session IDs, image version);</li>
 *   <li>the whole synthesis request, every component of every record in it (the livelesson made from the lesson, the
 *       lesson, its images with all their fields, the routing claims);</li>
 *   <li>every file under the lesson's directory (names and contents).</li>
 * </ul>
 * A change to any of them gives another key: the entry is synthesized again and added; entries are never changed
 * or removed (delete the directory to empty it). Only successful syntheses are kept, so a check that fails a
 * lesson's synthesis fails it again every run. Entries are written whole (a temporary file, then a rename), so runs
 * sharing the directory never read half an entry; one that does not read back as a JSON object is synthesized
 * again.
 * Stacks hold no secret (the synthesizer's contract), and the key is a digest, never the inputs.
 */
public final class StackCache {
    private static final Logger LOG = LoggerFactory.getLogger(StackCache.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private final Path dir;
    private final String fixed;
    private int hits;
    private int misses;

    private StackCache(Path dir, String fixed) {
        this.dir = dir;
        this.fixed = fixed;
    }

    /**
     * The cache in {@code dir} (created if absent) for stacks of the configuration file {@code configFile} and a
     * program of build {@code buildVersion}.
     *
     * @throws DryRunException when the directory cannot be created or written, or the configuration read
     */
    public static StackCache open(Path dir, Path configFile, String buildVersion) {
        return open(dir, configFile, buildVersion, CodeFingerprint.get());
    }

    static StackCache open(Path dir, Path configFile, String buildVersion, String code) {
        Path target = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new DryRunException("cannot use the cache directory " + dir + ": " + OutputFiles.describe(e), false, e);
        }
        if (!Files.isWritable(target)) {
            throw new DryRunException("cannot use the cache directory " + dir + ": it is not writable", false);
        }
        try {
            String fixed = new InputDigest().text("format", "antidote-tf stack cache 1").text("code", code)
                    .text("build", buildVersion).file("config", configFile).hex();
            return new StackCache(target, fixed);
        } catch (IOException e) {
            throw new DryRunException("cannot read the configuration " + configFile + ": " + OutputFiles.describe(e),
                    false, e);
        }
    }

    /**
     * The key of the stack of {@code request} with {@code settings}, whose lesson's files are under
     * {@code lessonDir}; empty (and logged) when some input cannot be digested, so that stack is not cached.
     */
    Optional<String> key(StackRequest request, DryRunSettings settings, Path lessonDir) {
        try {
            return Optional.of(new InputDigest().text("fixed", fixed).value("settings", settings)
                    .value("request", request).tree("lesson", lessonDir).hex());
        } catch (IOException | InputDigest.Undigestible e) {
            LOG.warn("not caching the stack of {}: {}", request.lesson().slug(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The kept stack of {@code key}, if any. */
    synchronized Optional<String> get(String key) {
        Path file = file(key);
        try {
            String json = Files.readString(file, StandardCharsets.UTF_8);
            if (!(JSON.readTree(json) instanceof ObjectNode)) {
                throw new IOException("not a JSON object");
            }
            hits++;
            return Optional.of(json);
        } catch (NoSuchFileException e) {
            misses++;
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("ignoring the cache entry {}: {}", file, e.getMessage());
            misses++;
            return Optional.empty();
        }
    }

    /** Whether there is an entry for {@code key} (not counted as a hit or a miss). */
    boolean contains(String key) {
        return Files.isRegularFile(file(key));
    }

    /** Keeps {@code json} as the stack of {@code key}; a failure is logged, never thrown. */
    void put(String key, String json) {
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + key + ".", ".tmp");
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file(key), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("could not keep a stack in the cache {}: {}", dir, e.getMessage());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // moved already
                }
            }
        }
    }

    /** How many stacks came from the cache so far. */
    public synchronized int hits() {
        return hits;
    }

    /** How many stacks were looked up and not found so far. */
    public synchronized int misses() {
        return misses;
    }

    private Path file(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a cache key: " + key);
        }
        return dir.resolve(key + ".tf.json");
    }
}
