package io.antidote.tf.stack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Stable hashes of text for names and choices that must not change between synths (SHA-256 of the UTF-8 bytes), in
 * the two forms the targets use: a non-negative number and lower-case base32 characters.
 */
public final class StableHash {
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

    private StableHash() {
    }

    /** The first 8 bytes of SHA-256 of {@code text} as a non-negative number (63 bits). */
    public static long number(String text) {
        byte[] d = sha256(text);
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (d[i] & 0xff);
        }
        return h & Long.MAX_VALUE;
    }

    /** {@code length} (at most 51) lower-case base32 characters of SHA-256 of {@code text} (5 bits each). */
    public static String base32(String text, int length) {
        if (length < 0 || length > 51) {
            throw new IllegalArgumentException("SHA-256 gives 0..51 base32 characters, not " + length);
        }
        byte[] d = sha256(text);
        StringBuilder out = new StringBuilder(length);
        int bits = 0;
        int buffer = 0;
        for (int i = 0; out.length() < length; i++) {
            buffer = (buffer << 8) | (d[i] & 0xff);
            bits += 8;
            while (bits >= 5 && out.length() < length) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return out.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
