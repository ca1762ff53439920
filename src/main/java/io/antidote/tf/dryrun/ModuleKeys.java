package io.antidote.tf.dryrun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The name of a lesson's module in a batch root: the lesson's slug when it is a Terraform identifier that is also
 * a safe file name ({@code [a-z][a-z0-9_-]*}, at most 64 characters), so that plan addresses read
 * {@code module.<lesson>.aws_instance.host}; otherwise {@code lesson_} and twelve hex digits of SHA-256 over the slug.
 * The key also names the module's directory ({@code stacks/<key>}), its root file ({@code lesson-<key>.tf.json})
 * and its provider configurations' alias, so it never carries anything but those characters.
 */
final class ModuleKeys {
    private static final Pattern PLAIN = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    private ModuleKeys() {
    }

    static String of(String lessonSlug) {
        if (PLAIN.matcher(lessonSlug).matches()) {
            return lessonSlug;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(lessonSlug.getBytes(StandardCharsets.UTF_8));
            return "lesson_" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
