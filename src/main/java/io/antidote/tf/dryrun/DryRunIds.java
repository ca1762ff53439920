package io.antidote.tf.dryrun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic livelesson IDs for dry runs: the first ten hex digits of SHA-256 over the lesson slug. */
public final class DryRunIds {
    /** The session of every dry-run livelesson unless one is given. */
    public static final String DEFAULT_SESSION = "dryrun";
    private static final int LENGTH = 10;

    private DryRunIds() {
    }

    /** Ten characters of {@code [0-9a-f]}, the same for the same slug (a valid reference livelesson ID). */
    public static String liveLessonId(String lessonSlug) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(lessonSlug.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
