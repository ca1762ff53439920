package io.antidote.tf.sink;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A document written through a quoted shell here-document ({@code <<'TERMINATOR'}): the shell copies the lines as
 * they are, with no expansion, up to the first line equal to the terminator. The terminator is derived from the
 * document itself ({@code ANTIDOTE_EOF_} and 24 hex digits of its SHA-256), so the same document always gives the
 * same bytes (stacks stay byte-identical), and a document can only end early by containing a line that spells the
 * hash of the whole document, which nobody can write. The document is checked anyway.
 */
public final class Heredoc {
    private static final String PREFIX = "ANTIDOTE_EOF_";

    private Heredoc() {
    }

    /** The terminator of {@code document}. */
    public static String terminator(String document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * {@code command <<'T'}, a newline, the document (given a final newline if it lacks one), and the terminator
     * line with its newline: {@code cat >/path}, say, becomes a complete here-document that writes the document.
     */
    public static String feed(String command, String document) {
        if (document.indexOf('\0') >= 0) {
            throw new SinkException("a here-document cannot hold a NUL byte");
        }
        String body = body(document);
        String end = checkedTerminator(body);
        return command + " <<'" + end + "'\n" + body + end + "\n";
    }

    /** {@code document} with a final newline (the empty document stays empty). */
    static String body(String document) {
        return document.isEmpty() || document.endsWith("\n") ? document : document + "\n";
    }

    /** The terminator of {@code body}, refused if a line of the body spells it. */
    static String checkedTerminator(String body) {
        String end = terminator(body);
        for (String line : body.split("\n", -1)) {
            if (line.equals(end)) {
                throw new SinkException("the document contains its own terminator line");
            }
        }
        return end;
    }
}
