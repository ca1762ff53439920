package io.antidote.tf.scheduler.nats;

import io.antidote.tf.AntidoteException;
import java.util.HexFormat;

/**
 * A broker message that is not a span context followed by a lesson schedule request. Carries why, the message's
 * length and a short excerpt (hex and text) for the log; requests carry IDs only, so the excerpt holds no secret.
 */
public final class MalformedMessageException extends AntidoteException {
    private static final long serialVersionUID = 1L;
    static final int EXCERPT_BYTES = 48;

    private final String reason;
    private final int length;
    private final String excerpt;

    public MalformedMessageException(String reason, byte[] message, Throwable cause) {
        super(reason + " (" + message.length + " bytes: " + excerpt(message) + ")", cause);
        this.reason = reason;
        this.length = message.length;
        this.excerpt = excerpt(message);
    }

    public String reason() {
        return reason;
    }

    public int length() {
        return length;
    }

    public String excerpt() {
        return excerpt;
    }

    /** The first {@value #EXCERPT_BYTES} bytes as hex, then as text with non-printable bytes shown as dots. */
    static String excerpt(byte[] message) {
        int n = Math.min(message.length, EXCERPT_BYTES);
        StringBuilder text = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int b = message[i] & 0xff;
            text.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
        }
        String more = message.length > n ? "..." : "";
        return "hex " + HexFormat.of().formatHex(message, 0, n) + more + " text '" + text + "'" + more;
    }
}
